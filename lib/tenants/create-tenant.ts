import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/request-context";

type Owner = { id: string; email: string };

/**
 * Creates a tenant with `owner` as its OWNER, inside the caller's transaction, and records
 * `tenant.create` as the first event of the tenant's audit chain.
 */
export async function createTenantInTx(
  tx: Prisma.TransactionClient,
  input: { name: string; slug: string },
  owner: Owner,
  meta: RequestMeta,
) {
  const taken = await tx.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "This slug is already taken, choose another", "tenantSlug");
  const tenant = await tx.tenant.create({ data: { name: input.name, slug: input.slug } });
  const membership = await tx.membership.create({
    data: { tenantId: tenant.id, userId: owner.id, role: "OWNER" },
  });
  await recordAudit(tx, {
    tenantId: tenant.id,
    actor: owner,
    action: "tenant.create",
    target: { type: "tenant", id: tenant.id },
    after: { slug: tenant.slug, name: tenant.name, owner: owner.email, membershipId: membership.id },
    meta,
  });
  return tenant;
}
