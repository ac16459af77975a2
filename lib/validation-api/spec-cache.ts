import type { LimitSpec } from "@/lib/limiter/types";
import type { EndpointPolicy, KeyRecord, PolicySnapshot } from "@/lib/policy/policy.types";
import { buildSpecs } from "./build-specs";
import { policyHeaderOf } from "./rate-limit-headers";

export type PreparedCheck = { specs: LimitSpec[]; cost: number; policyHeader: string };

type PerRecord = WeakMap<KeyRecord, Map<string, PreparedCheck>>;
const cache = new WeakMap<PolicySnapshot, PerRecord>();

function prepare(
  policy: PolicySnapshot,
  key: KeyRecord,
  endpoint: EndpointPolicy | null,
  ip: string | null,
  m: number,
) {
  const { specs, cost } = buildSpecs(policy, key, endpoint, ip, m);
  return { specs, cost, policyHeader: policyHeaderOf(specs) };
}

/**
 * The limits of a request, built once per (policy, key record, endpoint, multiplier) and reused:
 * on the hot path the same few shapes repeat thousands of times a second, and reusing them keeps
 * allocation (and GC pauses, hence p99) down. A per-IP limit names the IP, so those are built
 * per request. Entries go with their policy or key record (weak maps).
 */
export function preparedCheck(
  policy: PolicySnapshot,
  key: KeyRecord,
  endpoint: EndpointPolicy | null,
  ip: string | null,
  multiplier: number,
): PreparedCheck {
  if (policy.limits.ipPerMinute != null && ip) return prepare(policy, key, endpoint, ip, multiplier);
  let perRecord = cache.get(policy);
  if (!perRecord) {
    perRecord = new WeakMap();
    cache.set(policy, perRecord);
  }
  let shapes = perRecord.get(key);
  if (!shapes) {
    shapes = new Map();
    perRecord.set(key, shapes);
  }
  const id = `${endpoint?.id ?? ""}|${multiplier}`;
  let prepared = shapes.get(id);
  if (!prepared) {
    prepared = prepare(policy, key, endpoint, ip, multiplier);
    if (shapes.size > 64) shapes.clear(); // multipliers change rarely; never grow without bound
    shapes.set(id, prepared);
  }
  return prepared;
}
