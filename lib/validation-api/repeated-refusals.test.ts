import { describe, expect, it } from "vitest";
import type { LimitSpec } from "@/lib/limiter/types";
import { refusalUntil as build } from "@/tests/support/refusal-builder";
import { refusal } from "./decision";
import { localRefusal } from "./local-refusal";
import { RefusalCache } from "./refusal-cache";
import { RepeatedRefusals } from "./repeated-refusals";

const T0 = 1_800_000_000_000;
const minute: LimitSpec = { name: "key_minute", key: "{t1}:key:k1", windowMs: 60_000, max: 3, cost: 1 };
const hour: LimitSpec = { name: "key_hour", key: "{t1}:key:k1", windowMs: 3_600_000, max: 50, cost: 1 };
const body = '{"key":"sk_live_x","ip":"203.0.113.9","method":"GET","path":"/v1/items/1"}';

/** The state after Redis refused the minute window until `until`, and one local refusal of `body`. */
function refusedOnce(until: number, validUntil = until, maxBodies?: number) {
  const specs = [minute, hour];
  const refusals = new RefusalCache();
  refusals.remember(minute, until, T0);
  const repeated = new RepeatedRefusals(refusals, maxBodies);
  const decideLocally = (now: number) => {
    const known = refusals.refusedUntil(specs, now);
    if (!known) return null;
    return localRefusal(specs, known, now, build(known.until), Math.min(known.until, validUntil));
  };
  const first = decideLocally(T0);
  if (!first) throw new Error("expected a local refusal");
  repeated.remember(body, first);
  return { refusals, repeated, decideLocally, first };
}

describe("repeated refusals", () => {
  it("answers a body refused before exactly as a fresh decision would, second by second", () => {
    const until = T0 + 30_000;
    const { repeated, decideLocally } = refusedOnce(until);
    for (const now of [T0 + 1, T0 + 10_500, until - 1_001, until - 1]) {
      const answer = repeated.answer(body, now);
      expect(answer).not.toBeNull();
      expect(JSON.parse(answer as string)).toEqual(JSON.parse(JSON.stringify(decideLocally(now))));
    }
    expect(JSON.parse(repeated.answer(body, until - 1) as string).retryAfter).toBe(1);
  });

  it("forgets the answer when the refusal ends, is forgotten, extended or outlasted", () => {
    const until = T0 + 30_000;
    let state = refusedOnce(until);
    expect(state.repeated.answer(body, until)).toBeNull();
    expect(state.repeated.size).toBe(0);

    state = refusedOnce(until);
    state.refusals.forgetTenant("t1"); // a policy change or a counter clear
    expect(state.repeated.answer(body, T0 + 1)).toBeNull();

    state = refusedOnce(until);
    state.refusals.remember(minute, until + 5_000, T0 + 1); // Redis refused it again, for longer
    expect(state.repeated.answer(body, T0 + 2)).toBeNull();

    state = refusedOnce(until);
    state.refusals.remember(hour, T0 + 600_000, T0 + 1); // another window now binds for longer
    expect(state.repeated.answer(body, T0 + 2)).toBeNull();
    expect(state.decideLocally(T0 + 2)?.retryAfter).toBe(600);
  });

  it("stops before anything but time could change the answer (key expiry, an adjustment)", () => {
    const until = T0 + 30_000;
    const { repeated } = refusedOnce(until, T0 + 5_000);
    expect(repeated.answer(body, T0 + 4_999)).not.toBeNull();
    expect(repeated.answer(body, T0 + 5_000)).toBeNull();
  });

  it("keeps only local refusals, of short bodies, and at most its bound", () => {
    const { repeated, first } = refusedOnce(T0 + 30_000, T0 + 30_000, 20);
    repeated.clear();
    repeated.remember(body, refusal("RATE_LIMIT_EXCEEDED")); // not answered from a template
    repeated.remember(`${body}${" ".repeat(2_000)}`, first);
    expect(repeated.size).toBe(0);
    for (let i = 0; i < 25; i++) repeated.remember(`${body}${" ".repeat(i)}`, first);
    expect(repeated.size).toBeLessThanOrEqual(20);
    expect(repeated.answer(`${body}${" ".repeat(24)}`, T0 + 1)).not.toBeNull(); // the newest stay
  });
});
