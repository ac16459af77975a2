import { describe, expect, it } from "vitest";
import { closestToRefusal, NOT_LOOKED_UP, toCheckResult } from "./check-result";
import { groupSpecsByKey } from "./spec-groups";
import type { LimitSpec } from "./types";

const MINUTE = 60_000;
// Key-group order: the key's log (minute, then burst), then the pool, whatever the spec order.
const specs: LimitSpec[] = [
  { name: "key_minute", key: "{t}:key", windowMs: MINUTE, max: 60, cost: 1 },
  { name: "tenant", key: "{t}:pool", windowMs: MINUTE, max: 100, cost: 1 },
  { name: "burst", key: "{t}:key", windowMs: 1_000, max: 10, cost: 1 },
];
const groups = groupSpecsByKey(specs);
// perSpec in key-group order: key_minute, burst, tenant; three numbers each.
const perSpec = (minute: number[], burst: number[], tenant: number[]) => [...minute, ...burst, ...tenant];

describe("closestToRefusal", () => {
  it("picks the lowest share left, counting the check's cost when it consumed", () => {
    const used = perSpec([30, 0, 0], [8, 0, 0], [40, 0, 0]);
    expect(closestToRefusal(specs, groups, used, { refusedOnly: false, consumed: true })).toBe(2);
  });

  it("takes the first of equal shares in key-group order", () => {
    const equal = perSpec([30, 0, 0], [5, 0, 0], [50, 0, 0]);
    expect(closestToRefusal(specs, groups, equal, { refusedOnly: false, consumed: false })).toBe(1);
  });

  it("looks only at refusing specs when asked", () => {
    const refused = perSpec([59, 0, 0], [10, 0, 1], [100, 0, 1]);
    expect(closestToRefusal(specs, groups, refused, { refusedOnly: true, consumed: false })).toBe(2);
  });
});

describe("toCheckResult", () => {
  it("uses the script's binding position and leaves the exits it did not look up null", () => {
    const result = toCheckResult(
      specs,
      groups,
      {
        allowed: true,
        now: 1_000,
        retryAt: 0,
        binding: 2,
        perSpec: perSpec([3, NOT_LOOKED_UP, 0], [2, 1_900, 0], [0, 0, 0]),
      },
      true,
    );
    expect(result.binding).toBe(2); // burst, the third spec
    expect(result.states.map((s) => s.resetAt)).toEqual([null, 1_000 + MINUTE, 1_900]);
    expect(result.states.map((s) => s.used)).toEqual([4, 1, 3]);
  });

  it("finds the binding refusal itself when the script names none", () => {
    const result = toCheckResult(
      specs,
      groups,
      {
        allowed: false,
        now: 1_000,
        retryAt: 5_000,
        binding: 0,
        perSpec: perSpec([60, NOT_LOOKED_UP, 1], [2, NOT_LOOKED_UP, 0], [0, 0, 0]),
      },
      true,
    );
    expect(result.binding).toBe(0);
    expect(result.refusedBy).toEqual(["key_minute"]);
    expect(result.retryAt).toBe(5_000);
  });
});
