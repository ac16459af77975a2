import { compileKeyRecord, compilePolicy } from "@/lib/policy/compile-policy";
import { loadPolicyRows } from "@/lib/policy/load-policy-rows";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { activeMultiplier } from "@/lib/validation-api/build-specs";

/** The tenant's policy as it stands in Postgres now (what is, or is about to be, enforced). */
export async function currentPolicy(ctx: TenantContext, now = Date.now()) {
  const rows = await loadPolicyRows(ctx.tenant.id, new Date(now), ctx.db);
  if (!rows) throw new Error("tenant vanished");
  const policy = compilePolicy(rows, now);
  return { policy, plan: rows.plan, tenant: rows.tenant, multiplier: activeMultiplier(policy, now) };
}

export async function currentKeyRecords(ctx: TenantContext, now = new Date()) {
  const keys = await ctx.db.apiKey.findMany({
    where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "asc" },
  });
  return keys.map(compileKeyRecord);
}
