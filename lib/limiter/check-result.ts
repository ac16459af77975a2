import type { KeyGroup } from "./spec-groups";
import type { CheckResult, LimitName, LimitSpec, LimitState } from "./types";

/**
 * What both stores compute for a check, before it is shaped into a CheckResult. `perSpec` holds
 * three numbers per spec, in key-group order: the units in its window before consuming, the
 * time the oldest of them leaves the window (0 when there is none; -1 when not looked up), and,
 * when it refused, the time it has room for the cost again (else 0). `binding` is, for an
 * admitted check, the 1-based position in that order of the spec closest to refusal (its exit
 * is always looked up), else 0.
 */
export type Evaluation = {
  allowed: boolean;
  now: number;
  retryAt: number;
  binding: number;
  perSpec: number[];
};

export const NUMBERS_PER_SPEC = 3;
export const NOT_LOOKED_UP = -1;

/**
 * The position (1-based, key-group order) of the spec with the lowest share left, the first of
 * equals: among the refusing specs when `refusedOnly`, else among all, counting `added` units
 * (the check's cost, when it consumed). The limiter script applies the same rule to the specs
 * of an admitted check.
 */
export function closestToRefusal(
  specs: readonly LimitSpec[],
  groups: readonly KeyGroup[],
  perSpec: readonly number[],
  options: { refusedOnly: boolean; consumed: boolean },
): number {
  let best = 0;
  let bestShare = Number.POSITIVE_INFINITY;
  let position = 0;
  for (const group of groups) {
    for (const index of group.specIndexes) {
      const offset = position * NUMBERS_PER_SPEC;
      position++;
      if (options.refusedOnly && !perSpec[offset + 2]) continue;
      const { max } = specs[index] as LimitSpec;
      const used = (perSpec[offset] ?? 0) + (options.consumed ? group.cost : 0);
      const share = max > 0 ? (max - used) / max : 0;
      if (share < bestShare) {
        best = position;
        bestShare = share;
      }
    }
  }
  return best;
}

/** The group and spec index at a 1-based position in key-group order. */
export function specAtPosition(
  groups: readonly KeyGroup[],
  position: number,
): { group: KeyGroup; index: number } {
  let rest = position;
  for (const group of groups) {
    if (rest <= group.specIndexes.length) return { group, index: group.specIndexes[rest - 1] as number };
    rest -= group.specIndexes.length;
  }
  throw new Error(`No limiter spec at position ${position}`);
}

/**
 * Shapes an evaluation into the contract's result. When the check consumed, `used` includes this
 * request's cost, and a window that was empty now resets when the new units leave it.
 */
export function toCheckResult(
  specs: readonly LimitSpec[],
  groups: readonly KeyGroup[],
  evaluation: Evaluation,
  consumed: boolean,
): CheckResult {
  const { allowed, now, perSpec } = evaluation;
  const admittedCheck = allowed && consumed;
  const states = new Array<LimitState>(specs.length);
  // The script names the binding spec of an admitted check; for the others it is found here.
  const bindingPosition =
    evaluation.binding ||
    closestToRefusal(specs, groups, perSpec, { refusedOnly: !allowed, consumed: admittedCheck });
  let offset = 0;
  for (const group of groups) {
    for (const index of group.specIndexes) {
      const spec = specs[index] as LimitSpec;
      const count = perSpec[offset] ?? 0;
      const oldestExit = perSpec[offset + 1] ?? 0;
      const added = admittedCheck ? spec.cost : 0;
      const emptyReset = added > 0 ? now + spec.windowMs : now;
      states[index] = {
        name: spec.name,
        max: spec.max,
        windowMs: spec.windowMs,
        used: count + added,
        resetAt: count === 0 ? emptyReset : oldestExit === NOT_LOOKED_UP ? null : oldestExit,
        retryAt: perSpec[offset + 2] ?? 0,
      };
      offset += NUMBERS_PER_SPEC;
    }
  }
  const binding = specAtPosition(groups, bindingPosition).index;
  const refusedBy: LimitName[] = [];
  for (const state of states) if (state.retryAt > 0) refusedBy.push(state.name);
  return { allowed, states, binding, refusedBy, retryAt: allowed ? 0 : evaluation.retryAt, now };
}
