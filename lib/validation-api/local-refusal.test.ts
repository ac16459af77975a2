import { describe, expect, it } from "vitest";
import type { LimitSpec } from "@/lib/limiter/types";
import { refusalUntil as build } from "@/tests/support/refusal-builder";
import { type Decision, decisionJson } from "./decision";
import { localRefusal } from "./local-refusal";
import type { KnownRefusal } from "./refusal-cache";

const specs: LimitSpec[] = [{ name: "key_minute", key: "{t1}:key:k1", windowMs: 60_000, max: 3, cost: 1 }];

describe("localRefusal", () => {
  it("answers exactly what a full build would, second by second", () => {
    const until = 1_800_000_000_000;
    const known = { until, entry: { windowMs: 60_000, until, minCost: 1, max: 3 } satisfies KnownRefusal };
    for (const now of [until - 59_999, until - 30_500, until - 1_001, until - 1]) {
      const answer = localRefusal(specs, known, now, build(until));
      const full = build(until)(now);
      expect(JSON.parse(decisionJson(answer))).toEqual(JSON.parse(JSON.stringify(full)));
      expect(answer).toEqual(full);
    }
  });

  it("shares one answer within a second and rebuilds for a new refusal", () => {
    const until = 1_800_000_060_000;
    const entry: KnownRefusal = { windowMs: 60_000, until, minCost: 1, max: 3 };
    let builds = 0;
    const counting = (u: number) => (at: number) => {
      builds++;
      return build(u)(at);
    };
    const a = localRefusal(specs, { until, entry }, until - 10_100, counting(until));
    const b = localRefusal(specs, { until, entry }, until - 10_050, counting(until));
    expect(b).toBe(a);
    expect(builds).toBe(1);
    const later = until + 5_000;
    const c: Decision = localRefusal(specs, { until: later, entry }, until - 10_050, counting(later));
    expect(builds).toBe(2);
    expect(c.retryAfter).toBe(16);
  });
});
