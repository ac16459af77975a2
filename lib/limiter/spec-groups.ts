import type { LimitSpec } from "./types";

/** A spec list the stores refuse to evaluate (a programming error, never a rate-limit outcome). */
export class InvalidLimitSpecError extends Error {
  override name = "InvalidLimitSpecError";
}

/** The specs of one check that read the same log, in the order their keys first appear. */
export type KeyGroup = {
  key: string;
  /** Units a check consumes on this log (specs sharing a key share the cost). */
  cost: number;
  /** The largest window among the group's specs: units older than that are dead for this log. */
  longestWindowMs: number;
  /** Indexes into the spec list. */
  specIndexes: number[];
};

export const MAX_COST = 10;

/**
 * The Redis Cluster hash tag of a key: the text between the first "{" and the next "}", when
 * non-empty. Null when the key has none (Redis then hashes the whole key).
 */
export function hashTagOf(key: string): string | null {
  const open = key.indexOf("{");
  if (open < 0) return null;
  const close = key.indexOf("}", open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : null;
}

/**
 * Every key of one store call must carry the same hash tag, so a Lua script touching them all
 * runs in one cluster slot. Checked in every store so embedded mode fails the way Redis would.
 */
export function assertSharedHashTag(keys: readonly string[]): void {
  const first = keys[0];
  if (first === undefined) return;
  const tag = hashTagOf(first);
  if (tag === null) {
    throw new InvalidLimitSpecError(`Limiter key "${first}" has no hash tag: expected "{tenant}:..."`);
  }
  for (const key of keys) {
    if (hashTagOf(key) !== tag) {
      throw new InvalidLimitSpecError(
        `Limiter keys of one call must share one hash tag "{${tag}}" (one Redis Cluster slot); got "${key}"`,
      );
    }
  }
}

function assertSpecNumbers(spec: LimitSpec): void {
  const { windowMs, max, cost } = spec;
  if (!Number.isSafeInteger(windowMs) || windowMs <= 0) {
    throw new InvalidLimitSpecError(
      `Limit "${spec.name}": windowMs must be a positive integer, got ${windowMs}`,
    );
  }
  if (!Number.isSafeInteger(max) || max < 0) {
    throw new InvalidLimitSpecError(`Limit "${spec.name}": max must be a non-negative integer, got ${max}`);
  }
  if (!Number.isInteger(cost) || cost < 0 || cost > MAX_COST) {
    throw new InvalidLimitSpecError(
      `Limit "${spec.name}": cost must be an integer 0–${MAX_COST}, got ${cost}`,
    );
  }
}

/**
 * Validates a check's specs and groups them by log key. Linear scans: a check has a handful of
 * specs, where a Map would cost more than it saves.
 */
export function groupSpecsByKey(specs: readonly LimitSpec[]): KeyGroup[] {
  if (specs.length === 0) throw new InvalidLimitSpecError("A limiter check needs at least one spec");
  const groups: KeyGroup[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i] as LimitSpec;
    assertSpecNumbers(spec);
    const group = groups.find((g) => g.key === spec.key);
    if (!group) {
      groups.push({ key: spec.key, cost: spec.cost, longestWindowMs: spec.windowMs, specIndexes: [i] });
    } else if (group.cost !== spec.cost) {
      throw new InvalidLimitSpecError(
        `Specs sharing key "${spec.key}" must share the cost (got ${group.cost} and ${spec.cost})`,
      );
    } else {
      group.specIndexes.push(i);
      if (spec.windowMs > group.longestWindowMs) group.longestWindowMs = spec.windowMs;
    }
  }
  assertSharedHashTag(groups.map((g) => g.key));
  return groups;
}
