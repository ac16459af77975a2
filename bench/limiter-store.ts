// Micro-benchmark: RedisLimiterStore.check() next to a bare EVALSHA of `return 1`, same run,
// same connection settings. Usage: npx tsx bench/limiter-store.ts  (REDIS_URL, BENCH_SECONDS)
// Absolute figures drift between runs: compare the ratios.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { RedisLimiterStore } from "../lib/limiter/redis-store";
import { defineScript, runScript } from "../lib/limiter/script-runner";
import type { LimitSpec } from "../lib/limiter/types";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = 64;
const TENANTS = 1000;
const MINUTE = 60_000;

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const store = new RedisLimiterStore(redis);
const run = randomBytes(4).toString("hex");
const tag = (i: number) => `{bench-${run}-${i}}`;

// Limits high enough that every check is admitted: the common, most expensive path (ZADD + PEXPIRE).
const fourKeys = (i: number): LimitSpec[] => [
  { name: "tenant", key: `${tag(i)}:pool`, windowMs: MINUTE, max: 1e9, cost: 1 },
  { name: "key_minute", key: `${tag(i)}:key`, windowMs: MINUTE, max: 1e9, cost: 1 },
  { name: "endpoint", key: `${tag(i)}:ep`, windowMs: MINUTE, max: 1e9, cost: 1 },
  { name: "ip", key: `${tag(i)}:ip`, windowMs: MINUTE, max: 1e9, cost: 1 },
];
// The shape build-specs.ts produces: the key's minute, hour and burst limits share one log.
const policyShaped = (i: number): LimitSpec[] => [
  ...fourKeys(i),
  { name: "key_hour", key: `${tag(i)}:key`, windowMs: 3_600_000, max: 1e9, cost: 1 },
  { name: "burst", key: `${tag(i)}:key`, windowMs: 1_000, max: 1e9, cost: 1 },
];
const specSets = (build: (i: number) => LimitSpec[]) => Array.from({ length: TENANTS }, (_, i) => build(i));

/** Redis-side counters, read before and after a run (other clients of a shared Redis add noise). */
async function redisCost() {
  const info = (await redis.info("commandstats")) + (await redis.info("cpu"));
  const stat = (pattern: RegExp) => Number(info.match(pattern)?.[1] ?? 0);
  return {
    evalshaCalls: stat(/cmdstat_evalsha:calls=(\d+)/),
    evalshaUsec: stat(/cmdstat_evalsha:calls=\d+,usec=(\d+)/),
    cpuSeconds: stat(/used_cpu_sys:([\d.]+)/) + stat(/used_cpu_user:([\d.]+)/),
  };
}

async function measure(label: string, call: (i: number) => Promise<unknown>) {
  const before = await redisCost();
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) await call(done++ % TENANTS);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - start) / 1000;
  const after = await redisCost();
  const calls = after.evalshaCalls - before.evalshaCalls;
  const row = {
    label,
    perSecond: Math.round(done / elapsed),
    scriptUsecPerCall: (after.evalshaUsec - before.evalshaUsec) / calls,
    redisCpuUsecPerCall: ((after.cpuSeconds - before.cpuSeconds) * 1e6) / calls,
  };
  console.log(
    `${label.padEnd(34)} ${String(row.perSecond).padStart(7)}/s   script ${row.scriptUsecPerCall.toFixed(1).padStart(5)} µs/call   ` +
      `Redis CPU ${row.redisCpuUsecPerCall.toFixed(1).padStart(5)} µs/call`,
  );
  return row;
}

const trivial = defineScript("return 1");
const four = specSets(fourKeys);
const six = specSets(policyShaped);

console.log(`${SECONDS} s each, concurrency ${CONCURRENCY}, ${TENANTS} tenants (key sets), one connection`);
await runScript(redis, trivial, [], []); // loads it: the loop below is pure EVALSHA
const baseline = await measure("EVALSHA `return 1` (baseline)", () => redis.evalsha(trivial.sha1, 0));
const checks = await measure("check: 4 specs on 4 keys", (i) => store.check(four[i] as LimitSpec[]));
const policy = await measure("check: 6 specs on 4 keys (policy)", (i) => store.check(six[i] as LimitSpec[]));
console.log(`ratio 4 specs / baseline: ${(checks.perSecond / baseline.perSecond).toFixed(2)}x`);
console.log(`ratio 6 specs / baseline: ${(policy.perSecond / baseline.perSecond).toFixed(2)}x`);

for (let i = 0; i < TENANTS; i++) await store.clear((six[i] as LimitSpec[]).map((s) => s.key));
await redis.quit();
