import type { KeyGroup } from "./spec-groups";
import type { CheckResult, LimitName, LimitSpec, LimitState } from "./types";

/**
 * What both stores compute for a check, before it is shaped into a CheckResult. `perSpec` holds
 * three numbers per spec, in key-group order: the units in its window before consuming, the
 * time the oldest of them leaves the window (0 when there is none), and 1 when it refused.
 */
export type Evaluation = { allowed: boolean; now: number; retryAt: number; perSpec: number[] };

export const NUMBERS_PER_SPEC = 3;

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
  const states = new Array<LimitState>(specs.length);
  const refused = new Array<boolean>(specs.length);
  let offset = 0;
  for (const group of groups) {
    for (const index of group.specIndexes) {
      const spec = specs[index] as LimitSpec;
      const count = perSpec[offset] ?? 0;
      const oldestExit = perSpec[offset + 1] ?? 0;
      refused[index] = perSpec[offset + 2] === 1;
      offset += NUMBERS_PER_SPEC;
      const added = consumed && allowed ? spec.cost : 0;
      const resetAt = count > 0 ? oldestExit : added > 0 ? now + spec.windowMs : now;
      states[index] = {
        name: spec.name,
        max: spec.max,
        windowMs: spec.windowMs,
        used: count + added,
        resetAt,
      };
    }
  }
  const refusedBy: LimitName[] = [];
  for (let i = 0; i < specs.length; i++) if (refused[i]) refusedBy.push((specs[i] as LimitSpec).name);
  return { allowed, states, refusedBy, retryAt: allowed ? 0 : evaluation.retryAt, now };
}
