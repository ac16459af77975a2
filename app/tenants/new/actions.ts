"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run-action";
import { currentIdentity, currentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTenantInTx } from "@/lib/tenants/create-tenant";
import { createTenantSchema } from "@/lib/tenants/create-tenant.types";

/** Signed-in users: creates another tenant with the caller as its owner. */
export async function createTenantAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  return runAction(createTenantSchema, formData, async (input) => {
    const user = await currentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    const { meta } = await currentIdentity();
    const tenant = await db().$transaction((tx) =>
      createTenantInTx(tx, { name: input.tenantName, slug: input.tenantSlug }, user, meta),
    );
    redirect(`/t/${tenant.slug}`);
  });
}
