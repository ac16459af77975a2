import type { Plan, Tenant } from "@/generated/prisma/client";
import { lockChain, recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import type { AuditEntry } from "@/lib/tenancy/mutate";
import { type TenantTx, tenantDb } from "@/lib/tenancy/tenant-db";
import type { OperatorContext } from "./resolve-operator";

type Work<T> = (
  tx: TenantTx,
  tenant: Tenant & { plan: Plan },
  audit: (entry: AuditEntry) => Promise<void>,
) => Promise<T>;

/**
 * An operator's change to one tenant's policy. The operator is not a member, so this is the
 * operator's `mutateTenant`: one transaction through the tenant gate that takes the tenant's
 * chain lock, does the work, records exactly one audit event on the TENANT's chain (actor: the
 * operator) and bumps the policy version; the policy is published after commit.
 */
export async function changeTenantAsOperator<T>(
  ctx: OperatorContext,
  tenantId: string,
  work: Work<T>,
): Promise<T> {
  const result = await tenantDb(tenantId).$transaction(async (tx) => {
    await lockChain(tx, tenantId);
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, include: { plan: true } });
    if (!tenant) throw notFound("Tenant not found");
    let audited = 0;
    const audit = async (entry: AuditEntry) => {
      audited++;
      await recordAudit(tx, {
        ...entry,
        tenantId,
        actor: { id: ctx.user.id, email: ctx.user.email },
        meta: ctx.meta,
      });
    };
    const value = await work(tx, tenant, audit);
    if (audited !== 1)
      throw new Error(`an operator change must record exactly one audit event, got ${audited}`);
    await bumpPolicyVersion(tx, tenantId);
    return value;
  });
  await publishAfterCommit(tenantId);
  return result;
}
