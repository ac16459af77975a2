// Conformance cases that wait on the store's clock: short windows, real time.
import { setImmediate, setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import type { CheckResult } from "@/lib/limiter/types";
import type { StoreHarness } from "./counting-cases";
import { maxInAnyWindow, sleepAtLeast, sleepUntil, spec } from "./limits";

// Short windows keep the suite fast; every assertion compares the store's own timestamps.
const EDGE_W = 500;

export function timingCases({ store, space }: StoreHarness): void {
  const edgeShapes = {
    "one window": (key: string) => [spec("burst", key, EDGE_W, 50)],
    "a short window beside a long one": (key: string) => [
      spec("key_minute", key, 60_000, 500),
      spec("burst", key, EDGE_W, 50),
    ],
  };
  for (const [shape, limitsOn] of Object.entries(edgeShapes)) {
    it(`never holds more than max in any interval of W under bursts at the window edge (${shape})`, async () => {
      const W = EDGE_W;
      const max = 50;
      const limits = limitsOn(space().key("key"));
      const admitted: number[] = [];
      const burst = async (size: number) => {
        const results = await Promise.all(Array.from({ length: size }, () => store().check(limits)));
        for (const r of results) if (r.allowed) admitted.push(r.now);
        return Math.max(...results.map((r) => r.now));
      };
      const t0 = await burst(1);
      expect(admitted).toHaveLength(1);
      // Fill the window just before the first unit leaves, then probe every millisecond of the edge.
      await sleepUntil(t0 + W - 50);
      await burst(60);
      await sleepUntil(t0 + W - 15);
      for (let now = 0; now < t0 + W + 10; await setImmediate()) now = await burst(5);
      expect(maxInAnyWindow(admitted, W)).toBeLessThanOrEqual(max);
      // Not vacuous: the first unit's room was reused once it left.
      expect(admitted.length).toBeGreaterThanOrEqual(max + 1);
    });
  }

  it("never refuses a steady client at 95 % of the rate over three windows", async () => {
    const W = 500;
    const limit = [spec("key_minute", space().key("key"), W, 20)];
    const results: CheckResult[] = [];
    // Each check starts at least W/19 after the previous answer, so the store stamps 19 per W at most.
    for (const end = Date.now() + 3 * W; Date.now() < end; await sleepAtLeast(W / 19)) {
      results.push(await store().check(limit));
    }
    expect(results.filter((r) => !r.allowed)).toEqual([]);
    // Not vacuous: it ran for three windows, close to the limit (19 per W at best, less when delayed).
    expect((results.at(-1)?.now ?? 0) - (results[0]?.now ?? 0)).toBeGreaterThan(3 * W - 100);
    expect(Math.max(...results.map((r) => r.states[0]?.used ?? 0))).toBeGreaterThanOrEqual(17);
  });

  it("admits a refused request again at retryAt, not before", async () => {
    const W = 600;
    const key = space().key("key");
    const one = [spec("burst", key, W, 3)];
    const two = [spec("burst", key, W, 3, 2)];
    const first = await store().check(one);
    await sleep(100);
    const second = await store().check(one);
    await sleep(100);
    await store().check(one);
    const refused = await store().check(two);
    expect(refused).toMatchObject({ allowed: false, refusedBy: ["burst"] });
    // A refusal answers with retryAt and looks up no reset; a peek does.
    expect(refused.states[0]).toMatchObject({ used: 3, resetAt: null });
    expect((await store().peek(two)).states[0]).toMatchObject({ used: 3, resetAt: first.now + W });
    // Two of the three units must leave: the second one's exit is when the request fits.
    expect(refused.retryAt).toBe(second.now + W);
    expect(refused.retryAt).toBeGreaterThan(refused.now);
    await sleepUntil(refused.retryAt - 40);
    const early = await store().peek(two);
    expect(early).toMatchObject({ allowed: false, retryAt: refused.retryAt });
    expect(early.states[0]?.used).toBe(2);
    await sleepUntil(refused.retryAt + 2);
    const admitted = await store().check(two);
    expect(admitted.allowed).toBe(true);
    expect(admitted.states[0]?.used).toBe(3);
  });

  it("counts a short burst window apart from a long window on the same key", async () => {
    const key = space().key("key");
    const limits = [spec("key_minute", key, 60_000, 5), spec("burst", key, 300, 3)];
    const early = [await store().check(limits), await store().check(limits), await store().check(limits)];
    const refused = await store().check(limits);
    expect(refused.refusedBy).toEqual(["burst"]);
    expect(refused.retryAt).toBe((early[0]?.now ?? 0) + 300);
    await sleepUntil(Math.max(...early.map((r) => r.now)) + 302);
    const later = [await store().check(limits), await store().check(limits), await store().check(limits)];
    expect(later.map((r) => r.allowed)).toEqual([true, true, false]);
    expect(later[1]?.states.map((s) => s.used)).toEqual([5, 2]);
    expect(later[2]?.refusedBy).toEqual(["key_minute"]);
    expect(later[2]?.states.map((s) => s.used)).toEqual([5, 2]);
  });
}
