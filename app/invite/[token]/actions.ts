"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import type { FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run-action";
import { currentIdentity } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { nameField, passwordField } from "@/lib/validation";

const tokenField = z.string().min(1, "Missing").max(200);

/** Public (the token is the capability): a new invitee creates an account and joins. */
export async function acceptAsNewUserAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  return runAction(
    z.object({ token: tokenField, name: nameField, password: passwordField }),
    formData,
    async (input) => {
      const { meta } = await currentIdentity();
      const { tenant, user } = await acceptInvitation(
        input.token,
        { name: input.name, password: input.password },
        meta,
      );
      await signIn("credentials", {
        email: user.email,
        password: input.password,
        redirectTo: `/t/${tenant.slug}`,
      });
      return { ok: true };
    },
  );
}

/** A signed-in invitee joins with their existing account. */
export async function acceptAsMemberAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  return runAction(z.object({ token: tokenField }), formData, async (input) => {
    const { userId, meta } = await currentIdentity();
    if (!userId) throw new AppError("UNAUTHENTICATED", "Sign in to accept this invitation");
    const { tenant } = await acceptInvitation(input.token, { userId }, meta);
    redirect(`/t/${tenant.slug}`);
  });
}
