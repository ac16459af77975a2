import { db } from "@/lib/db";
import { effectiveLimits } from "@/lib/policy/compile-policy";
import { activeIncident } from "./active-incident";
import { activeMultiplier } from "./active-multiplier";
import { readPoolUsage } from "./pool-usage";

/**
 * Every tenant with its plan, members, unrevoked keys and current pool usage (null: unknown).
 * Operator view across tenants: callers must have checked `isOperator` first.
 */
export async function listAllTenants(now = new Date()) {
  const [tenants, incident] = await Promise.all([
    db().tenant.findMany({
      include: {
        plan: true,
        adjustments: {
          where: { endsAt: { gt: now } },
          select: { multiplier: true, startsAt: true, endsAt: true },
        },
        _count: { select: { memberships: true, apiKeys: { where: { revokedAt: null } } } },
      },
      orderBy: { createdAt: "asc" },
    }),
    activeIncident(),
  ]);
  const usage = await readPoolUsage(tenants.map((t) => t.id));
  return tenants.map((t) => {
    const multiplier = activeMultiplier(t.adjustments, incident, now);
    return {
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      createdAt: t.createdAt,
      plan: t.plan.name,
      members: t._count.memberships,
      keys: t._count.apiKeys,
      multiplier,
      pool: {
        used: usage.get(t.id) ?? null,
        // What the validation API enforces right now: the effective limit times the multipliers.
        limit: Math.max(0, Math.floor(effectiveLimits(t, t.plan).poolPointsPerMinute * multiplier)),
      },
    };
  });
}

export type TenantOverview = Awaited<ReturnType<typeof listAllTenants>>[number];
