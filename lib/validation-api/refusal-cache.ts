import type { LimitSpec } from "@/lib/limiter/types";

/** A limit known to be exhausted until `until`, for requests costing at least `minCost`. */
export type KnownRefusal = { windowMs: number; until: number; minCost: number; max: number };

/** The tenant id inside a log key's `{tenant}` hash tag. */
function tenantOf(logKey: string): string {
  return logKey.slice(1, logKey.indexOf("}"));
}

/**
 * Remembers limits known to be exhausted until a given time, so the process can refuse a
 * request without asking Redis. A refusal for cost c also covers costs above c. A policy change
 * or a counter clear of the tenant forgets its refusals at once. Looked up by the spec's log key
 * (a string the spec already holds: nothing is built per request), then by window.
 */
export class RefusalCache {
  private readonly byLogKey = new Map<string, KnownRefusal[]>();

  remember(spec: LimitSpec, until: number, now: number) {
    let windows = this.byLogKey.get(spec.key);
    if (!windows) {
      windows = [];
      this.byLogKey.set(spec.key, windows);
    }
    // One entry per window and cost: a dearer request waits longer for room than a cheaper one.
    const existing = windows.find((w) => w.windowMs === spec.windowMs && w.minCost === spec.cost);
    if (!existing) {
      windows.push({ windowMs: spec.windowMs, until, minCost: spec.cost, max: spec.max });
      return;
    }
    // An ended refusal, or one for another max (a changed policy), says nothing any more.
    const live = existing.until > now && existing.max === spec.max;
    existing.until = live ? Math.max(until, existing.until) : until;
    existing.max = spec.max;
  }

  /** The refusal that lasts longest among the specs, or null when none is known. */
  refusedUntil(
    specs: LimitSpec[],
    now: number,
  ): { until: number; spec: LimitSpec; entry: KnownRefusal } | null {
    let found: { until: number; spec: LimitSpec; entry: KnownRefusal } | null = null;
    for (const spec of specs) {
      const windows = this.byLogKey.get(spec.key);
      if (!windows) continue;
      for (const entry of windows) {
        if (entry.windowMs !== spec.windowMs) continue;
        if (entry.until <= now || entry.max !== spec.max) continue;
        if (spec.cost >= entry.minCost && (!found || entry.until > found.until))
          found = { until: entry.until, spec, entry };
      }
    }
    return found;
  }

  forgetTenant(tenantId: string) {
    // Rare (a policy change or a counter clear): a scan of what is remembered is fine.
    for (const logKey of this.byLogKey.keys()) {
      if (tenantOf(logKey) === tenantId) this.byLogKey.delete(logKey);
    }
  }

  /** Drops refusals that have ended (called periodically, so the map does not grow). */
  sweep(now: number) {
    for (const [logKey, windows] of this.byLogKey) {
      const live = windows.filter((w) => w.until > now);
      if (live.length === 0) this.byLogKey.delete(logKey);
      else if (live.length !== windows.length) this.byLogKey.set(logKey, live);
    }
  }
}
