// The in-process store claims to mirror the Redis script step for step. Random checks (limits
// sharing keys or not, costs 0–10, small maxima, so refusals and equal shares are common) go to
// both, in the same order; every answer must agree on what does not depend on the clock. The
// windows are an hour long, so the milliseconds between the two stores never matter.
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryLimiterStore } from "@/lib/limiter/memory-store";
import { RedisLimiterStore } from "@/lib/limiter/redis-store";
import type { CheckResult, LimitName, LimitSpec } from "@/lib/limiter/types";
import { KeySpace } from "./support/limits";

const HOUR = 3_600_000;
const NAMES: LimitName[] = ["tenant", "key_minute", "key_hour", "burst", "endpoint", "ip"];
const redis = new Redis({ host: "127.0.0.1", port: 6379 });
const redisStore = new RedisLimiterStore(redis);

afterAll(() => redis.quit());

// One check: up to four specs over up to three logs; specs sharing a log share its cost.
const checkShape = fc
  .array(fc.record({ log: fc.integer({ min: 0, max: 2 }), max: fc.integer({ min: 0, max: 12 }) }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((specs) =>
    fc.record({
      specs: fc.constant(specs),
      costs: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
      peek: fc.boolean(),
    }),
  );

function toSpecs(space: KeySpace, shape: { specs: { log: number; max: number }[]; costs: number[] }) {
  return shape.specs.map(
    (s, i): LimitSpec => ({
      name: NAMES[i] as LimitName,
      key: space.key(`log${s.log}`),
      // Windows differ per spec so specs sharing a log still read distinct windows.
      windowMs: HOUR - i * 1_000,
      max: s.max,
      cost: shape.costs[s.log] as number,
    }),
  );
}

const clockFree = (r: CheckResult) => ({
  allowed: r.allowed,
  refusedBy: r.refusedBy,
  binding: r.binding,
  used: r.states.map((s) => s.used),
  resetLookedUp: r.states.map((s) => s.resetAt !== null),
});

describe("the in-process store and the Redis script", () => {
  it("agree on every decision, count, binding limit and looked-up reset", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(checkShape, { minLength: 1, maxLength: 25 }), async (checks) => {
        const space = new KeySpace();
        const memory = new MemoryLimiterStore({ sweepIntervalMs: 0 });
        try {
          for (const shape of checks) {
            const specs = toSpecs(space, shape);
            const run = (store: MemoryLimiterStore | RedisLimiterStore) =>
              shape.peek ? store.peek(specs) : store.check(specs);
            expect(clockFree(await run(memory))).toEqual(clockFree(await run(redisStore)));
          }
        } finally {
          await memory.close();
          if (space.keys.length) await redis.del(...space.keys);
        }
      }),
      { numRuns: 200 },
    );
  });
});
