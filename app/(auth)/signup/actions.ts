"use server";

import { signIn } from "@/auth";
import { signUp } from "@/lib/accounts/sign-up";
import { signUpSchema } from "@/lib/accounts/sign-up.types";
import type { FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run-action";
import { currentIdentity } from "@/lib/auth/current-user";

/** Public: creates an account and its first tenant, then signs in and opens the tenant. */
export async function signUpAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  return runAction(signUpSchema, formData, async (input) => {
    const { meta } = await currentIdentity();
    const { tenant } = await signUp(input, meta);
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: `/t/${tenant.slug}`,
    });
    return { ok: true };
  });
}
