import { db } from "@/lib/db";
import { effectiveLimits } from "@/lib/policy/compile-policy";
import { tenantDb } from "@/lib/tenancy/tenant-db";
import { activeIncident } from "./active-incident";
import { activeMultiplier } from "./active-multiplier";
import { readPoolUsage } from "./pool-usage";

/**
 * One tenant as the operator's detail page shows it: plan, limits now, the boosts and penalties
 * that are active or scheduled (with who added them), and the plans it could move to. Null when
 * the tenant does not exist. Callers must have checked `isOperator` first.
 */
export async function getTenantDetail(tenantId: string, now = new Date()) {
  const tenant = await db().tenant.findUnique({
    where: { id: tenantId },
    include: {
      plan: true,
      _count: { select: { memberships: true, apiKeys: { where: { revokedAt: null } } } },
    },
  });
  if (!tenant) return null;
  const [adjustments, plans, incident, usage] = await Promise.all([
    tenantDb(tenantId).adjustment.findMany({ where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" } }),
    db().plan.findMany({ orderBy: { poolPointsPerMinute: "asc" } }),
    activeIncident(),
    readPoolUsage([tenantId]),
  ]);
  const authorIds = [...new Set(adjustments.flatMap((a) => (a.createdById ? [a.createdById] : [])))];
  const authors = await db().user.findMany({
    where: { id: { in: authorIds } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(authors.map((u) => [u.id, u.email]));
  return {
    tenant,
    plans,
    incident,
    limits: effectiveLimits(tenant, tenant.plan),
    multiplier: activeMultiplier(adjustments, incident, now),
    poolUsed: usage.get(tenantId) ?? null,
    adjustments: adjustments.map((a) => ({
      ...a,
      createdBy: a.createdById ? (emailOf.get(a.createdById) ?? "a deleted user") : "system",
      state: a.startsAt > now ? ("scheduled" as const) : ("active" as const),
    })),
  };
}

export type TenantDetail = NonNullable<Awaited<ReturnType<typeof getTenantDetail>>>;
