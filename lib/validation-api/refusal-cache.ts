import type { LimitSpec } from "@/lib/limiter/types";

type Refusal = { until: number; minCost: number; max: number; windowMs: number };

/** The tenant id inside a log key's `{tenant}` hash tag. */
function tenantOf(logKey: string): string {
  return logKey.slice(1, logKey.indexOf("}"));
}

/**
 * Remembers limits known to be exhausted until a given time, so the process can refuse a
 * request without asking Redis. A refusal for cost c also covers costs above c. A policy change
 * or a counter clear of the tenant forgets its refusals at once.
 */
export class RefusalCache {
  private readonly byTenant = new Map<string, Map<string, Refusal>>();

  remember(spec: LimitSpec, until: number) {
    const tenant = tenantOf(spec.key);
    let entries = this.byTenant.get(tenant);
    if (!entries) {
      entries = new Map();
      this.byTenant.set(tenant, entries);
    }
    const id = `${spec.key}|${spec.windowMs}`;
    const existing = entries.get(id);
    entries.set(id, {
      until: Math.max(until, existing?.until ?? 0),
      minCost: Math.min(spec.cost, existing?.minCost ?? spec.cost),
      max: spec.max,
      windowMs: spec.windowMs,
    });
  }

  /** The earliest time all refusing specs allow this request again, or 0 when none is known. */
  refusedUntil(specs: LimitSpec[], now: number): { until: number; spec: LimitSpec; entry: object } | null {
    if (specs.length === 0) return null;
    const entries = this.byTenant.get(tenantOf(specs[0].key));
    if (!entries) return null;
    let found: { until: number; spec: LimitSpec; entry: object } | null = null;
    for (const spec of specs) {
      const id = `${spec.key}|${spec.windowMs}`;
      const refusal = entries.get(id);
      if (!refusal) continue;
      if (refusal.until <= now || refusal.max !== spec.max) {
        entries.delete(id);
        continue;
      }
      if (spec.cost >= refusal.minCost && (!found || refusal.until > found.until))
        found = { until: refusal.until, spec, entry: refusal };
    }
    return found;
  }

  forgetTenant(tenantId: string) {
    this.byTenant.delete(tenantId);
  }
}
