import type { LimitSpec } from "@/lib/limiter/types";
import type { EndpointPolicy, KeyRecord, PolicySnapshot } from "@/lib/policy/policy.types";
import { endpointLog, ipLog, keyLog, poolLog } from "@/lib/policy/redis-keys";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const SECOND = 1_000;

/** Product of the boosts and penalties active at `now` (1 when none). */
export function activeMultiplier(policy: PolicySnapshot, now: number): number {
  let m = 1;
  for (const a of policy.adjustments) if (a.startsAt <= now && now < a.endsAt) m *= a.multiplier;
  return m;
}

/** When the next boost or penalty starts or ends after `now` (Infinity when none will). */
export function nextAdjustmentChange(policy: PolicySnapshot, now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const a of policy.adjustments) {
    if (a.startsAt > now) next = Math.min(next, a.startsAt);
    else if (a.endsAt > now) next = Math.min(next, a.endsAt);
  }
  return next;
}

const scale = (value: number, multiplier: number) => Math.max(0, Math.floor(value * multiplier));

/**
 * Every limit that applies to one request: the tenant pool (charged the endpoint's cost), the
 * key's minute, hour and burst (1 s) windows, the endpoint's own limit and the source IP's.
 * An exempt endpoint gets none.
 */
export function buildSpecs(
  policy: PolicySnapshot,
  key: KeyRecord,
  endpoint: EndpointPolicy | null,
  ip: string | null,
  multiplier: number,
): { specs: LimitSpec[]; cost: number } {
  if (endpoint?.exempt) return { specs: [], cost: 0 };
  const t = policy.tenantId;
  const cost = endpoint?.cost ?? 1;
  const limits = policy.limits;
  const keyLogName = keyLog(t, key.keyId);
  const specs: LimitSpec[] = [
    {
      name: "tenant",
      key: poolLog(t),
      windowMs: MINUTE,
      max: scale(limits.poolPointsPerMinute, multiplier),
      cost,
    },
    {
      name: "key_minute",
      key: keyLogName,
      windowMs: MINUTE,
      max: scale(key.perMinute ?? limits.keyPerMinute, multiplier),
      cost: 1,
    },
    {
      name: "key_hour",
      key: keyLogName,
      windowMs: HOUR,
      max: scale(key.perHour ?? limits.keyPerHour, multiplier),
      cost: 1,
    },
    {
      name: "burst",
      key: keyLogName,
      windowMs: SECOND,
      max: scale(key.burst ?? limits.keyBurst, multiplier),
      cost: 1,
    },
  ];
  if (endpoint?.perMinute != null) {
    specs.push({
      name: "endpoint",
      key: endpointLog(t, key.keyId, endpoint.id),
      windowMs: MINUTE,
      max: scale(endpoint.perMinute, multiplier),
      cost: 1,
    });
  }
  if (limits.ipPerMinute != null && ip) {
    specs.push({
      name: "ip",
      key: ipLog(t, ip),
      windowMs: MINUTE,
      max: scale(limits.ipPerMinute, multiplier),
      cost: 1,
    });
  }
  return { specs, cost };
}
