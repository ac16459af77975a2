// Conformance cases about what gets counted and consumed (no waiting on the clock).
import { expect, it } from "vitest";
import type { LimiterStore } from "@/lib/limiter/types";
import { countAllowed, type KeySpace, spec } from "./limits";

export type StoreHarness = { store(): LimiterStore; space(): KeySpace };

const MINUTE = 60_000;
const HOUR = 3_600_000;

export function countingCases({ store, space }: StoreHarness): void {
  it("admits exactly max of 5,000 concurrent checks", async () => {
    const limit = [spec("tenant", space().key("pool"), MINUTE, 1000)];
    const results = await Promise.all(Array.from({ length: 5000 }, () => store().check(limit)));
    expect(countAllowed(results)).toBe(1000);
    expect((await store().peek(limit)).states[0]?.used).toBe(1000);
  });

  it("admits 33 checks of cost 3 against max 100, and the refused ones consume nothing", async () => {
    const key = space().key("pool");
    const results = await Promise.all(
      Array.from({ length: 60 }, () => store().check([spec("tenant", key, MINUTE, 100, 3)])),
    );
    expect(countAllowed(results)).toBe(33);
    const one = [spec("tenant", key, MINUTE, 100, 1)];
    const last = await store().check(one);
    expect(last.allowed).toBe(true);
    expect(last.states[0]?.used).toBe(100);
    expect((await store().check(one)).allowed).toBe(false);
  });

  it("is all-or-nothing across keys: a refused check leaves every other log unchanged", async () => {
    const pool = spec("tenant", space().key("pool"), MINUTE, 10);
    const ip = spec("ip", space().key("ip"), MINUTE, 1000);
    await store().check([ip]);
    const results = await Promise.all(Array.from({ length: 50 }, () => store().check([pool, ip])));
    expect(countAllowed(results)).toBe(10);
    const refused = results.find((r) => !r.allowed);
    expect(refused?.refusedBy).toEqual(["tenant"]);
    expect((await store().peek([ip])).states[0]?.used).toBe(11);
    expect(await store().clear([pool.key, ip.key])).toBe(21);
  });

  it("peek evaluates without consuming", async () => {
    const limit = [spec("key_minute", space().key("key"), MINUTE, 3)];
    await store().check(limit);
    await store().check(limit);
    for (let i = 0; i < 5; i++) {
      const peeked = await store().peek(limit);
      expect(peeked.allowed).toBe(true);
      expect(peeked.states[0]?.used).toBe(2);
    }
    expect((await store().check(limit)).states[0]?.used).toBe(3);
    const full = await store().peek(limit);
    expect(full).toMatchObject({ allowed: false, refusedBy: ["key_minute"] });
    expect(full.retryAt).toBeGreaterThan(full.now);
  });

  it("clear() empties the logs and reports the units they held", async () => {
    const a = spec("tenant", space().key("pool"), MINUTE, 100, 2);
    const b = spec("endpoint", space().key("ep"), HOUR, 100, 2);
    for (let i = 0; i < 3; i++) await store().check([a, b]);
    expect(await store().clear([a.key, b.key, a.key])).toBe(12);
    expect((await store().peek([a, b])).states.map((s) => s.used)).toEqual([0, 0]);
    expect(await store().clear([a.key, b.key])).toBe(0);
  });

  it("reports each refusing limit's own retry time; the check's is the latest of them", async () => {
    const key = space().key("key");
    const pool = space().key("pool");
    const limits = [
      spec("key_minute", key, MINUTE, 2),
      spec("burst", key, 1_000, 2),
      spec("tenant", pool, HOUR, 9),
    ];
    const first = await store().check(limits);
    await store().check(limits);
    const refused = await store().check(limits);
    expect(refused.refusedBy).toEqual(["key_minute", "burst"]);
    // The oldest unit must leave each window: a minute, a second; the pool refuses nothing.
    expect(refused.states.map((s) => s.retryAt)).toEqual([first.now + MINUTE, first.now + 1_000, 0]);
    expect(refused.retryAt).toBe(first.now + MINUTE);
  });

  it("counts each window of specs sharing one key (minute, hour, burst)", async () => {
    const key = space().key("key");
    const limits = [
      spec("key_minute", key, MINUTE, 5),
      spec("key_hour", key, HOUR, 6),
      spec("burst", key, 10_000, 10),
    ];
    const seen = [];
    for (let i = 0; i < 7; i++) seen.push(await store().check(limits));
    expect(seen.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(seen[4]?.states.map((s) => s.used)).toEqual([5, 5, 5]);
    expect(seen[5]?.refusedBy).toEqual(["key_minute"]);
    expect(seen[5]?.retryAt).toBe((seen[0]?.now ?? 0) + MINUTE);
    // A check that skips the minute limit meets the hour limit next.
    const hourAndBurst = [limits[1], limits[2]].flatMap((s) => (s ? [s] : []));
    expect((await store().check(hourAndBurst)).allowed).toBe(true);
    const refused = await store().check(hourAndBurst);
    expect(refused.refusedBy).toEqual(["key_hour"]);
    expect(refused.states.map((s) => s.used)).toEqual([6, 6]);
  });

  it("reports the limit closest to refusal as binding, its reset looked up, the first of equals in key order", async () => {
    const key = space().key("key");
    const pool = space().key("pool");
    const limits = [
      spec("tenant", pool, MINUTE, 100),
      spec("key_minute", key, MINUTE, 10),
      spec("burst", key, 10_000, 4),
    ];
    const first = await store().check(limits);
    expect(first.binding).toBe(2); // burst: 1 of 4 used, 3/4 left
    const second = await store().check(limits);
    expect(second.binding).toBe(2);
    expect(second.states[2]?.resetAt).toBe(first.now + 10_000);
    // The other non-empty windows were not looked up by the check; a peek looks up every one.
    expect(second.states.map((s) => s.resetAt)).toEqual([null, null, first.now + 10_000]);
    expect((await store().peek(limits)).states.map((s) => s.resetAt)).toEqual([
      first.now + MINUTE,
      first.now + MINUTE,
      first.now + 10_000,
    ]);
    // Equal shares left (9 of 10 for the pool and the burst): key-group order is the order in
    // which the keys first appear, so the burst, sharing the first key, comes before the pool.
    const shared = space().key("key");
    const even = [
      spec("key_minute", shared, MINUTE, 100),
      spec("tenant", space().key("pool"), MINUTE, 10),
      spec("burst", shared, 10_000, 10),
    ];
    expect((await store().check(even)).binding).toBe(2);
  });

  it("reports cost-0 specs without consuming on them", async () => {
    const pool = spec("tenant", space().key("pool"), MINUTE, 5, 1);
    const watch = spec("ip", space().key("ip"), MINUTE, 5, 0);
    await store().check([watch, pool]);
    const second = await store().check([watch, pool]);
    expect(second.allowed).toBe(true);
    expect(second.states.map((s) => s.used)).toEqual([0, 2]);
    expect(second.states[0]?.resetAt).toBe(second.now);
    expect(await store().clear([watch.key])).toBe(0);
  });

  it("refuses everything when max is 0 or below the cost, retrying a full window later", async () => {
    for (const [max, cost] of [
      [0, 1],
      [2, 3],
    ] as const) {
      const result = await store().check([spec("endpoint", space().key(`ep-${max}`), 5_000, max, cost)]);
      expect(result).toMatchObject({ allowed: false, refusedBy: ["endpoint"] });
      expect(result.retryAt).toBe(result.now + 5_000);
    }
  });

  it("rejects keys without one common hash tag, and costs that differ on a shared key", async () => {
    const other = `{x${space().tag}}:pool`;
    const mixed = [spec("tenant", space().key("pool"), MINUTE, 5), spec("ip", other, MINUTE, 5)];
    await expect(store().check(mixed)).rejects.toThrow(/hash tag/);
    await expect(store().peek([spec("tenant", "no-tag:pool", MINUTE, 5)])).rejects.toThrow(/hash tag/);
    await expect(store().clear([space().key("pool"), other])).rejects.toThrow(/hash tag/);
    const key = space().key("key");
    const costs = [spec("key_minute", key, MINUTE, 5, 1), spec("burst", key, 1_000, 5, 2)];
    await expect(store().check(costs)).rejects.toThrow(/share the cost/);
  });
}
