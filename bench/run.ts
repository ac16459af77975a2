// `npm run bench`: the validation API next to a bare node:http server and to rate-limiter-flexible,
// in one run, interleaved, on real Redis. See bench/README.md for what is measured and how to
// read it. Settings: REDIS_URL, BENCH_ROUNDS (3), BENCH_SECONDS (8), BENCH_WARMUP_SECONDS (2).
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import {
  type BenchData,
  counterPatterns,
  createBenchData,
  deleteBenchData,
  deleteMatching,
  publishBenchData,
} from "./bench-data";
import { machineBusyMs, ownCpuMs, processGroupCpuMs, redisCpuMs } from "./cpu-usage";
import { assertWrkInstalled, type LoadResult, runLoad } from "./load";
import { formatReport, type Measurement, type Round, SCENARIOS, type ScenarioId } from "./report";
import { type Server, startBareServer, startEvalshaServer, startOurApi, startRlfServer } from "./servers";
import { verifyAllAdmitted, verifyOverLimit } from "./verify-decisions";

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number`);
  return value;
};
const ROUNDS = setting("BENCH_ROUNDS", 3);
const SECONDS = setting("BENCH_SECONDS", 8);
const WARMUP_SECONDS = setting("BENCH_WARMUP_SECONDS", 2);
const CONNECTIONS = 64;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

type Scenario = { id: ScenarioId; url: string; server: Server; bodies: string[]; token: string };

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  assertWrkInstalled();
  const redis = new Redis(REDIS_URL);
  const data = createBenchData();
  const scratch = await mkdtemp(path.join(tmpdir(), "sluice-bench-"));
  const servers: Server[] = [];
  let cleaned: Promise<void> | undefined;
  // Once, whether the run ends, fails or is interrupted: no server and no Redis key outlives it.
  const cleanup = () =>
    (cleaned ??= (async () => {
      for (const server of servers.reverse()) await server.stop().catch(() => {});
      const deleted = await deleteBenchData(redis, data).catch(() => 0);
      log(`cleaned up: ${servers.length} servers stopped, ${deleted} Redis keys deleted`);
      redis.disconnect();
      await rm(scratch, { recursive: true, force: true });
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  const started = async (start: Promise<Server>) => {
    const server = await start;
    servers.push(server);
    return server;
  };

  try {
    log(
      `seeding Redis (${REDIS_URL}): ${data.tenantIds.length} tenants, ${data.keys.length} keys, run ${data.runId}`,
    );
    await publishBenchData(redis, data);
    const bare = await started(startBareServer());
    const rlfData = path.join(scratch, "rlf-data.json");
    const rlf = await started(startRlfServer(data, REDIS_URL, rlfData));
    const floor = await started(startEvalshaServer(REDIS_URL, rlfData));
    const ours = await started(startOurApi(REDIS_URL, 1));
    const ours2 = await started(startOurApi(REDIS_URL, 2));

    const check = (server: Server) => `${server.url}/v1/check`;
    await verifyAllAdmitted(check(rlf), data);
    await verifyAllAdmitted(check(ours), data);
    await verifyAllAdmitted(check(ours2), data);
    const refusedShare = await verifyOverLimit(check(ours), data);
    await verifyOverLimit(check(ours2), data);
    log(
      `decisions verified: all-admitted mix admitted; over-limit mix ${(refusedShare * 100).toFixed(0)} % refused`,
    );

    // Our API takes the service token; the reference servers take none.
    const scenario = (id: ScenarioId, server: Server, bodies = data.admittedBodies): Scenario => ({
      id,
      url: check(server),
      server,
      bodies,
      token: server === ours || server === ours2 ? data.serviceToken : "",
    });
    const bareAdmitted = scenario("bare", bare);
    const floorAdmitted = scenario("floor", floor);
    const oursAdmitted = scenario("ours", ours);
    const scenarios: Scenario[] = [
      bareAdmitted,
      scenario("rlf", rlf),
      floorAdmitted,
      oursAdmitted,
      scenario("ours2", ours2),
      scenario("over", ours, data.overLimitBodies),
      scenario("over2", ours2, data.overLimitBodies),
    ];
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results: Round = {};
      for (const scenario of rotated(scenarios, round))
        results[scenario.id] = await measure(scenario, redis, data, round, scratch);
      // Half of the maximum this round measured, paced (see load.ts); the floor and the bare
      // server at the same rate say how much of the tail is ours and how much the machine's.
      const rate = Math.round((results.ours?.rps ?? 0) / 2);
      const paced: Scenario[] = [
        { ...oursAdmitted, id: "half" },
        { ...floorAdmitted, id: "halfFloor" },
        { ...bareAdmitted, id: "halfBare" },
      ];
      for (const scenario of rotated(paced, round))
        results[scenario.id] = await measure(scenario, redis, data, round, scratch, rate);
      rounds.push(results);
    }
    const header =
      `Sluice validation API benchmark: ${ROUNDS} rounds × ${SECONDS} s (+${WARMUP_SECONDS} s warm-up), ` +
      `${CONNECTIONS} connections, wrk, Redis ${REDIS_URL}; medians`;
    process.stdout.write(`\n${formatReport(rounds, header)}\n\n`);
  } finally {
    await cleanup();
  }
}

/** The list in an order that rotates each round, so drift (thermal, other tenants of the box) spreads evenly. */
const rotated = <T>(list: T[], round: number): T[] =>
  list.map((_, i) => list[(i + round) % list.length] as T);

async function measure(
  scenario: Scenario,
  redis: Redis,
  data: BenchData,
  round: number,
  scratchDir: string,
  paced?: number,
) {
  const load = {
    url: scenario.url,
    headers: scenario.token ? { authorization: `Bearer ${scenario.token}` } : ({} as Record<string, string>),
    bodies: scenario.bodies,
    connections: CONNECTIONS,
  };
  const run = (seconds: number): Promise<LoadResult> =>
    runLoad({ ...load, seconds, scratchDir, rate: paced });
  await run(WARMUP_SECONDS);
  // Every measured run starts from empty counters, so later rounds do not meet longer logs.
  await deleteMatching(redis, counterPatterns(data));
  const before = {
    server: processGroupCpuMs(scenario.server.groupId),
    redis: await redisCpuMs(redis),
    own: ownCpuMs(),
    machine: machineBusyMs(),
    at: performance.now(),
  };
  const result = await run(SECONDS);
  const server = processGroupCpuMs(scenario.server.groupId) - before.server;
  const redisMs = (await redisCpuMs(redis)) - before.redis;
  const own = ownCpuMs() - before.own;
  const other = machineBusyMs() - before.machine - server - redisMs - own;
  const perRequest = (ms: number) => (ms * 1000) / Math.max(1, result.responses);
  const measurement: Measurement = {
    ...result,
    serverCpuUs: perRequest(server),
    redisCpuUs: perRequest(redisMs),
    generatorCpuUs: perRequest(own),
    otherBusyPercent: (100 * Math.max(0, other)) / ((performance.now() - before.at) * availableParallelism()),
  };
  log(
    `round ${round + 1}/${ROUNDS}  ${SCENARIOS[scenario.id].padEnd(50)} ${Math.round(result.rps).toLocaleString("en-US").padStart(7)} rps` +
      `  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms${paced ? `  (aimed at ${paced}/s)` : ""}` +
      `  other ${measurement.otherBusyPercent.toFixed(0)} %` +
      (result.errors + result.non2xx ? `  ${result.errors} errors, ${result.non2xx} non-2xx` : ""),
  );
  return measurement;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
