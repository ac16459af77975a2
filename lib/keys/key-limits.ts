import { AppError, notFound } from "@/lib/errors";
import { effectiveLimits } from "@/lib/policy/compile-policy";
import type { TenantTx } from "@/lib/tenancy/tenant-db";
import type { KeyLimits } from "./api-key.types";

const BOUNDS = [
  ["perMinute", "keyPerMinute", "requests per minute"],
  ["perHour", "keyPerHour", "requests per hour"],
  ["burst", "keyBurst", "burst"],
] as const;

/**
 * A key may be limited more tightly than its tenant, never more loosely: each override must
 * stay within the tenant's effective value (the plan's, or the tenant's own override).
 */
export async function assertWithinTenantLimits(tx: TenantTx, tenantId: string, limits: KeyLimits) {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, include: { plan: true } });
  if (!tenant) throw notFound("Tenant not found");
  const effective = effectiveLimits(tenant, tenant.plan);
  for (const [field, tenantField, label] of BOUNDS) {
    const value = limits[field];
    if (value !== null && value > effective[tenantField]) {
      throw new AppError(
        "BAD_REQUEST",
        `At most ${effective[tenantField]} ${label} on your plan; ask for a limit increase to go higher`,
        field,
      );
    }
  }
}
