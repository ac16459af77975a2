import type { LimiterStore, LimitSpec } from "@/lib/limiter/types";
import { currentKeyRecords, currentPolicy } from "@/lib/limits/current-policy";
import { limiterStore } from "@/lib/limits/limiter-store";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { buildSpecs } from "@/lib/validation-api/build-specs";
import type { CounterTarget } from "./counter-target";

export type CounterRow = {
  label: string;
  window: string;
  limit: number;
  used: number | null;
  target: CounterTarget;
};
export type CounterGroup = { title: string; keyId: string | null; rows: CounterRow[] };

const WINDOW = {
  tenant: "per minute",
  key_minute: "per minute",
  key_hour: "per hour",
  burst: "per second",
  endpoint: "per minute",
} as const;
const MAX_KEYS = 200;

/**
 * Current usage of every limit: the tenant pool, each key's windows and each endpoint's own
 * limit per key, read live from Redis in one call (nothing consumed). `live` is false when the
 * counters cannot be read (no Redis, or unreachable).
 */
export async function listCounters(ctx: TenantContext) {
  const { policy, multiplier } = await currentPolicy(ctx);
  const keys = (await currentKeyRecords(ctx)).slice(0, MAX_KEYS);
  const specs: LimitSpec[] = [];
  const groups: CounterGroup[] = [];
  const pending: { group: CounterRow[]; spec: LimitSpec; row: Omit<CounterRow, "used"> }[] = [];
  const add = (group: CounterRow[], spec: LimitSpec, label: string, target: CounterTarget) => {
    specs.push(spec);
    pending.push({
      group,
      spec,
      row: { label, window: WINDOW[spec.name as keyof typeof WINDOW] ?? "", limit: spec.max, target },
    });
  };
  const poolRows: CounterRow[] = [];
  let poolListed = false; // every key's specs include the pool: list it once
  groups.push({ title: "Tenant pool (points, all keys)", keyId: null, rows: poolRows });
  for (const key of keys) {
    const rows: CounterRow[] = [];
    groups.push({ title: `Key "${key.name}" (${key.prefix}…${key.last4})`, keyId: key.keyId, rows });
    const { specs: keySpecs } = buildSpecs(policy, key, null, null, multiplier);
    for (const spec of keySpecs) {
      if (spec.name === "tenant") {
        if (!poolListed) add(poolRows, spec, "Pool points", { kind: "pool" });
        poolListed = true;
        continue;
      }
      add(rows, spec, spec.name === "burst" ? "Burst" : "Requests", { kind: "key", keyId: key.keyId });
    }
    for (const rule of policy.endpoints) {
      if (rule.perMinute == null || rule.exempt) continue;
      const { specs: ruleSpecs } = buildSpecs(policy, key, rule, null, multiplier);
      const spec = ruleSpecs.find((s) => s.name === "endpoint");
      if (spec)
        add(rows, spec, `${rule.method} ${rule.pattern}`, {
          kind: "endpoint",
          keyId: key.keyId,
          ruleId: rule.id,
        });
    }
  }
  if (keys.length === 0) {
    const spec: LimitSpec = {
      name: "tenant",
      key: `{${policy.tenantId}}:pool`,
      windowMs: 60_000,
      max: Math.floor(policy.limits.poolPointsPerMinute * multiplier),
      cost: 1,
    };
    add(poolRows, spec, "Pool points", { kind: "pool" });
  }
  const store = await limiterStore();
  const usage = store ? await peekEach(store, specs) : null;
  for (const [i, { group, row }] of pending.entries()) group.push({ ...row, used: usage ? usage[i] : null });
  return { groups, live: usage !== null, multiplier };
}

/** One peek for all specs; the store wants specs sharing a log to be consistent, so cost 0 everywhere. */
async function peekEach(store: LimiterStore, specs: LimitSpec[]): Promise<number[] | null> {
  try {
    const result = await store.peek(specs.map((s) => ({ ...s, cost: 0 })));
    return result.states.map((s) => s.used);
  } catch {
    return null;
  }
}
