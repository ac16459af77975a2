import { type AuditInput, lockChain, recordAudit } from "@/lib/audit/record-audit";
import type { TenantContext } from "./resolve-tenant";
import type { TenantTx } from "./tenant-db";

export type AuditEntry = Pick<AuditInput, "action" | "target" | "before" | "after">;

/**
 * Runs a tenant mutation: one transaction that first takes the tenant's lock, then does the
 * work, and records its audit event through `audit` before committing. No audit, no commit:
 * a mutation that forgets to audit fails instead of going unrecorded.
 */
export async function mutateTenant<T>(
  ctx: TenantContext,
  work: (tx: TenantTx, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await lockChain(tx, ctx.tenant.id);
    let audited = 0;
    const audit = async (entry: AuditEntry) => {
      audited++;
      await recordAudit(tx, {
        ...entry,
        tenantId: ctx.tenant.id,
        actor: { id: ctx.user.id, email: ctx.user.email },
        meta: ctx.meta,
      });
    };
    const result = await work(tx, audit);
    if (audited !== 1)
      throw new Error(`a tenant mutation must record exactly one audit event, got ${audited}`);
    return result;
  });
}
