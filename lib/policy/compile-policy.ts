import type {
  Adjustment,
  AllowedOrigin,
  ApiKey,
  EndpointRule,
  IncidentMode,
  Plan,
  Tenant,
} from "@/generated/prisma/client";
import { compareEndpoints } from "./endpoint-order";
import type { EndpointPolicy, KeyRecord, PolicySnapshot } from "./policy.types";

/** Everything a tenant's policy is made of, as read from Postgres. */
export type PolicyRows = {
  tenant: Tenant;
  plan: Plan;
  endpointRules: EndpointRule[];
  adjustments: Adjustment[];
  origins: AllowedOrigin[];
  /** Platform-wide incident mode, when switched on: multiplies every tenant's limits. */
  incident: IncidentMode | null;
};

/** How long "until switched off" lasts in a snapshot: switching off republishes every tenant. */
const UNTIL_SWITCHED_OFF = Date.UTC(9999, 0, 1);

type LimitColumns = Pick<
  Tenant,
  "poolPointsPerMinute" | "keyPerMinute" | "keyPerHour" | "keyBurst" | "ipPerMinute"
>;
type PlanLimits = Pick<Plan, "poolPointsPerMinute" | "keyPerMinute" | "keyPerHour" | "keyBurst">;

/** The plan's values with the tenant's overrides (null in a tenant column means "the plan's"). */
export function effectiveLimits(tenant: LimitColumns, plan: PlanLimits): PolicySnapshot["limits"] {
  return {
    poolPointsPerMinute: tenant.poolPointsPerMinute ?? plan.poolPointsPerMinute,
    keyPerMinute: tenant.keyPerMinute ?? plan.keyPerMinute,
    keyPerHour: tenant.keyPerHour ?? plan.keyPerHour,
    keyBurst: tenant.keyBurst ?? plan.keyBurst,
    ipPerMinute: tenant.ipPerMinute,
  };
}

function compileEndpoint(rule: EndpointRule): EndpointPolicy {
  return {
    id: rule.id,
    method: rule.method.trim().toUpperCase(),
    pattern: rule.pathPattern.trim(),
    cost: rule.cost,
    perMinute: rule.perMinute,
    exempt: rule.exempt,
  };
}

/**
 * Turns a tenant's rows into the snapshot the validation API enforces. Pure: no I/O, and the
 * clock is an argument. Adjustments that have ended are left out; future ones stay in (the
 * API applies each only between its startsAt and endsAt).
 */
export function compilePolicy(rows: PolicyRows, now: number): PolicySnapshot {
  const { tenant, plan } = rows;
  return {
    version: tenant.policyVersion,
    tenantId: tenant.id,
    slug: tenant.slug,
    status: tenant.status,
    failureMode: tenant.failureMode,
    limits: effectiveLimits(tenant, plan),
    endpoints: rows.endpointRules.map(compileEndpoint).sort(compareEndpoints),
    adjustments: [
      ...rows.adjustments
        .filter((a) => a.endsAt.getTime() > now)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((a) => ({
          multiplier: a.multiplier,
          startsAt: a.startsAt.getTime(),
          endsAt: a.endsAt.getTime(),
          reason: a.reason,
        })),
      ...(rows.incident
        ? [
            {
              multiplier: rows.incident.multiplier,
              startsAt: rows.incident.startedAt.getTime(),
              endsAt: UNTIL_SWITCHED_OFF,
              reason: `incident mode: ${rows.incident.reason}`,
            },
          ]
        : []),
    ],
    origins: rows.origins.map((o) => o.origin).sort(),
    publishedAt: now,
  };
}

const epochOrNull = (date: Date | null) => (date ? date.getTime() : null);

/** One API key as the validation API sees it. Never contains the secret, only display parts. */
export function compileKeyRecord(key: ApiKey): KeyRecord {
  return {
    keyId: key.id,
    tenantId: key.tenantId,
    name: key.name,
    prefix: key.prefix,
    last4: key.last4,
    expiresAt: epochOrNull(key.expiresAt),
    revokedAt: epochOrNull(key.revokedAt),
    perMinute: key.perMinute,
    perHour: key.perHour,
    burst: key.burst,
  };
}
