// What the exact sliding-window log costs Redis per check, next to a textbook GCRA doing the same
// four limits (bench/gcra-reference.lua.ts). Both scripts get the bench's mix: 1,000 keys over 50
// tenants, the tenant pool charged 1, 3, 5 or 8 points, the key's minute, hour and burst limits.
// Checks go in pipelines of 64, so the figures are Redis's script work, not network round trips.
// Rounds alternate the two scripts; the medians and their ratio are printed.
//   npx tsx bench/algorithm-cost.ts      (REDIS_URL, BENCH_ROUNDS = 5, BENCH_CHECKS = 100000)
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { defineScript, type LuaScript } from "@/lib/limiter/script-runner";
import { SLIDING_WINDOW_SCRIPT } from "@/lib/limiter/sliding-window.lua";
import { deleteMatching, random } from "./bench-data";
import { redisCpuMs } from "./cpu-usage";
import { GCRA_REFERENCE_SCRIPT } from "./gcra-reference.lua";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 100_000);
const PIPELINE = 64;
const HIGH = 1e9; // every check admitted: the path that writes
const COSTS = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 5, 5, 5, 8, 8]; // the bench's mix, 20 draws

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const run = randomBytes(4).toString("hex");

type Check = { tag: string; key: number; cost: number };
type Algorithm = { name: string; script: LuaScript; args(check: Check, id: number): (string | number)[] };

const sliding: Algorithm = {
  name: "exact sliding-window log (ours)",
  script: defineScript(SLIDING_WINDOW_SCRIPT),
  // RedisLimiterStore's layout: per log, cost, longest window, n, then n × (window, max).
  // biome-ignore format: one line per log reads better than one number per line
  args: ({ tag, key, cost }, id) => [
    2, `${tag}:pool`, `${tag}:key:${key}`, 1, `r${id}`,
    cost, 60_000, 1, 60_000, HIGH,
    1, 3_600_000, 3, 60_000, HIGH, 3_600_000, HIGH, 1_000, HIGH,
  ],
};
const gcra: Algorithm = {
  name: "GCRA, same four limits",
  script: defineScript(GCRA_REFERENCE_SCRIPT),
  // Per limit: cost, ms per unit, depth.
  // biome-ignore format: one line per group reads better than one number per line
  args: ({ tag, key, cost }) => [
    4, `${tag}:g:pool`, `${tag}:g:min:${key}`, `${tag}:g:hour:${key}`, `${tag}:g:burst:${key}`,
    cost, 60_000 / HIGH, HIGH, 1, 60_000 / HIGH, HIGH, 1, 3_600_000 / HIGH, HIGH, 1, 1_000 / HIGH, HIGH,
  ],
};

/** A fixed pseudo-random sequence of checks, the same for both scripts. */
function checks(): Check[] {
  const next = random(42);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: CHECKS }, () => ({
    tag: `{algo-${run}-t${pick(50)}}`,
    key: pick(20),
    cost: COSTS[pick(COSTS.length)] as number,
  }));
}

async function measure(algorithm: Algorithm, list: Check[]): Promise<number> {
  await deleteMatching(redis, [`{algo-${run}-*`]);
  const before = await redisCpuMs(redis);
  for (let i = 0; i < list.length; i += PIPELINE) {
    const pipeline = redis.pipeline();
    for (let j = i; j < Math.min(i + PIPELINE, list.length); j++) {
      const [keyCount, ...rest] = algorithm.args(list[j] as Check, j);
      pipeline.evalsha(algorithm.script.sha1, keyCount as number, ...rest);
    }
    const replies = (await pipeline.exec()) ?? [];
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0];
  }
  return (((await redisCpuMs(redis)) - before) * 1000) / list.length;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main() {
  for (const { script } of [sliding, gcra]) await redis.script("LOAD", script.lua);
  const list = checks();
  const costs = new Map<Algorithm, number[]>([
    [sliding, []],
    [gcra, []],
  ]);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [gcra, sliding] : [sliding, gcra];
      for (const algorithm of order) costs.get(algorithm)?.push(await measure(algorithm, list));
      process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
    }
  } finally {
    await deleteMatching(redis, [`{algo-${run}-*`]);
  }
  const ours = median(costs.get(sliding) ?? []);
  const reference = median(costs.get(gcra) ?? []);
  console.log(
    `Redis CPU per admitted check, median of ${ROUNDS} rounds × ${CHECKS.toLocaleString("en-US")} checks`,
  );
  console.log(`${sliding.name.padEnd(34)} ${ours.toFixed(1).padStart(6)} µs`);
  console.log(`${gcra.name.padEnd(34)} ${reference.toFixed(1).padStart(6)} µs`);
  console.log(`ours / GCRA ${(ours / reference).toFixed(2)}x`);
  redis.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
