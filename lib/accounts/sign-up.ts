import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import type { RequestMeta } from "@/lib/request-context";
import { createTenantInTx } from "@/lib/tenants/create-tenant";
import type { SignUpInput } from "./sign-up.types";

const EMAIL_TAKEN = new AppError(
  "CONFLICT",
  "An account with this email already exists. Sign in instead.",
  "email",
);
const SLUG_TAKEN = new AppError("CONFLICT", "This slug is already taken, choose another", "tenantSlug");

/** Creates a user and their first tenant, with the user as OWNER. All or nothing. */
export async function signUp(input: SignUpInput, meta: RequestMeta) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
        throw EMAIL_TAKEN;
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      const tenant = await createTenantInTx(
        tx,
        { name: input.tenantName, slug: input.tenantSlug },
        user,
        meta,
      );
      return { user, tenant };
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw EMAIL_TAKEN;
    if (isUniqueViolation(error, "slug")) throw SLUG_TAKEN;
    throw error;
  }
}
