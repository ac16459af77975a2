// The servers under test, each a child process of its own so the load generator (this process)
// never shares an event loop with them.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { hashKey } from "@/lib/keys/key-format";
import { VALIDATION_API_NODE_FLAGS } from "@/lib/validation-api/config";
import { freePort } from "@/tests/support/private-redis";
import { answersOk, type ChildService, startChildService } from "@/tests/support/validation-api-process";
import { type BenchData, ENDPOINTS } from "./bench-data";
import type { RlfData } from "./rlf-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

export type Server = { url: string; groupId: number; stop(): Promise<void> };

async function startScript(
  name: string,
  script: string | string[],
  env: Record<string, string>,
  readyPath: string,
) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const workers = Number(env.VALIDATION_WORKERS ?? 1);
  let streak = 0;
  const service: ChildService = await startChildService({
    name,
    command: TSX,
    args: typeof script === "string" ? [script] : script,
    env: { ...process.env, ...env, PORT: String(port), VALIDATION_API_PORT: String(port) },
    // With node:cluster, fresh connections take turns: every worker must have answered.
    ready: async () => {
      streak = (await answersOk(url + readyPath)) ? streak + 1 : 0;
      return streak >= 2 * workers;
    },
  });
  // startChildService spawns each service as the leader of its own process group.
  return { url, groupId: service.pid, stop: service.stop };
}

export const startBareServer = (): Promise<Server> =>
  startScript("bare node:http", "bench/bare-server.ts", {}, "/");

/** rate-limiter-flexible's server, given the keys (by hash) and endpoint rules through a file. */
export async function startRlfServer(data: BenchData, redisUrl: string, dataFile: string): Promise<Server> {
  const rlf: RlfData = {
    runId: data.runId,
    keys: data.keys.map((key) => [hashKey(key.secret), key.tenantId, key.keyId]),
    endpoints: ENDPOINTS,
  };
  await writeFile(dataFile, JSON.stringify(rlf));
  const env = { REDIS_URL: redisUrl, BENCH_RLF_DATA: dataFile };
  return startScript("rate-limiter-flexible", "bench/rlf-server.ts", env, "/healthz");
}

/** One EVALSHA of our script per request and nothing else: the floor of our design. */
export function startEvalshaServer(redisUrl: string, dataFile: string): Promise<Server> {
  const env = { REDIS_URL: redisUrl, BENCH_RLF_DATA: dataFile };
  return startScript("one EVALSHA", "bench/evalsha-server.ts", env, "/healthz");
}

/** `scripts/validation-api.ts` itself, as production runs it. */
export function startOurApi(redisUrl: string, workers: number): Promise<Server> {
  return startScript(
    `validation API ×${workers}`,
    [...VALIDATION_API_NODE_FLAGS, "scripts/validation-api.ts"],
    { REDIS_URL: redisUrl, VALIDATION_WORKERS: String(workers) },
    "/readyz",
  );
}
