// The in-process store on an injected clock: exact window edges and garbage collection.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryLimiterStore } from "@/lib/limiter/memory-store";
import { spec } from "./support/limits";

const key = (name: string) => `{tenant}:${name}`;

describe("MemoryLimiterStore", () => {
  let time = 1_000_000;
  const clock = () => time;
  const stores: MemoryLimiterStore[] = [];
  const open = (options: ConstructorParameters<typeof MemoryLimiterStore>[0] = {}) => {
    const store = new MemoryLimiterStore({ clock, sweepIntervalMs: 0, ...options });
    stores.push(store);
    return store;
  };
  beforeEach(() => {
    time = 1_000_000;
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  const shapes = {
    "one window": [spec("burst", key("k"), 1_000, 1)],
    "a short window beside a long one": [
      spec("key_hour", key("k"), 3_600_000, 100),
      spec("burst", key("k"), 1_000, 1),
    ],
  };
  for (const [shape, limits] of Object.entries(shapes)) {
    it(`counts a unit stamped t until t + W - 1 and frees it at t + W (${shape})`, async () => {
      const store = open();
      const first = await store.check(limits);
      time += 999;
      expect(await store.peek(limits)).toMatchObject({ allowed: false, retryAt: first.now + 1_000 });
      expect(await store.check(limits)).toMatchObject({ allowed: false, retryAt: first.now + 1_000 });
      time += 1;
      expect(await store.peek(limits)).toMatchObject({ allowed: true });
      expect(await store.check(limits)).toMatchObject({ allowed: true, now: first.now + 1_000 });
    });
  }

  it("never lets its clock go back", async () => {
    const store = open();
    const limit = [spec("burst", key("k"), 1_000, 5)];
    const first = await store.check(limit);
    time -= 5_000;
    const second = await store.check(limit);
    expect(second.now).toBe(first.now);
    expect(second.states[0]?.used).toBe(2);
  });

  it("sweeps dead logs, a bounded number per sweep", async () => {
    const store = open({ sweepBudget: 4 });
    for (let i = 0; i < 10; i++) await store.check([spec("ip", key(`ip-${i}`), 1_000, 5)]);
    await store.check([spec("key_hour", key("long"), 3_600_000, 5)]);
    expect(store.size).toBe(11);
    time += 1_000;
    expect(store.sweep()).toBe(4);
    expect(store.sweep()).toBe(4);
    expect(store.sweep()).toBe(2);
    expect(store.size).toBe(1);
    expect(await store.clear([key("long")])).toBe(1);
  });

  it("sweeps on an unref'd timer", async () => {
    const store = open({ sweepIntervalMs: 5 });
    await store.check([spec("ip", key("ip"), 1_000, 5)]);
    time += 1_000;
    await sleep(30);
    expect(store.size).toBe(0);
  });

  it("treats an expired log as empty even before a sweep reaches it", async () => {
    const store = open();
    const limit = [spec("ip", key("ip"), 1_000, 5, 3)];
    await store.check(limit);
    time += 1_000;
    expect((await store.peek(limit)).states[0]?.used).toBe(0);
    expect(await store.clear([key("ip")])).toBe(0);
  });

  it("leaves units a peek's shorter window does not see", async () => {
    const store = open();
    const hour = spec("key_hour", key("k"), 3_600_000, 10);
    const burst = spec("burst", key("k"), 1_000, 10);
    await store.check([hour, burst]);
    time += 5_000;
    expect((await store.peek([burst])).states[0]?.used).toBe(0);
    expect((await store.peek([hour])).states[0]?.used).toBe(1);
  });
});
