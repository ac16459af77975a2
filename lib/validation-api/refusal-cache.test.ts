import { describe, expect, it } from "vitest";
import type { LimitSpec } from "@/lib/limiter/types";
import { RefusalCache } from "./refusal-cache";

const pool = (cost: number, max = 9): LimitSpec => ({
  name: "tenant",
  key: "{t1}:pool",
  windowMs: 60_000,
  max,
  cost,
});
const NOW = 1_700_000_000_000;

describe("RefusalCache", () => {
  it("a refusal for cost c covers the same log's costs from c up, not below", () => {
    const cache = new RefusalCache();
    cache.remember(pool(3), NOW + 5_000, NOW);
    expect(cache.refusedUntil([pool(3)], NOW)?.until).toBe(NOW + 5_000);
    expect(cache.refusedUntil([pool(8)], NOW)?.until).toBe(NOW + 5_000);
    expect(cache.refusedUntil([pool(1)], NOW)).toBeNull();
    expect(cache.refusedUntil([pool(3)], NOW + 5_000)).toBeNull();
  });

  it("keeps refusals of different costs apart: a cheap one ends sooner than a dear one", () => {
    const cache = new RefusalCache();
    cache.remember(pool(8), NOW + 50_000, NOW); // 8 units must leave: late
    cache.remember(pool(1), NOW + 2_000, NOW + 100); // 1 unit must leave: soon
    expect(cache.refusedUntil([pool(1)], NOW + 1_000)?.until).toBe(NOW + 2_000);
    expect(cache.refusedUntil([pool(1)], NOW + 2_000)).toBeNull();
    expect(cache.refusedUntil([pool(8)], NOW + 2_000)?.until).toBe(NOW + 50_000);
  });

  it("ignores a refusal remembered under another max, and forgets a tenant's on request", () => {
    const cache = new RefusalCache();
    cache.remember(pool(1), NOW + 5_000, NOW);
    expect(cache.refusedUntil([pool(1, 18)], NOW)).toBeNull(); // a boost doubled the pool
    cache.forgetTenant("t2");
    expect(cache.refusedUntil([pool(1)], NOW)).not.toBeNull();
    cache.forgetTenant("t1");
    expect(cache.refusedUntil([pool(1)], NOW)).toBeNull();
  });
});
