// Real child processes for tests and the benchmark: the validation API as production runs it
// (`tsx scripts/validation-api.ts`), and any other server (caddy, nginx, bench servers).
import { spawn } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { VALIDATION_API_NODE_FLAGS } from "@/lib/validation-api/config";
import { freePort } from "./private-redis";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const STOP_GRACE_MS = 5_000;
const OUTPUT_KEPT = 8_000;

export type ChildService = {
  pid: number;
  /** The last few KB of its stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL to its whole process group after 5 s; resolves once it is gone. */
  stop(): Promise<void>;
};

export type ChildServiceOptions = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Polled every 50 ms until it resolves true. */
  ready: () => Promise<boolean>;
  startTimeoutMs?: number;
};

/**
 * Spawns a long-running server in a process group of its own and waits until `ready` says it
 * answers. The group matters: tsx runs the script in a child node, and node:cluster and nginx
 * fork workers; killing the group leaves none of them behind.
 */
export async function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  const { name, command, args, env = process.env, cwd = ROOT, ready, startTimeoutMs = 30_000 } = options;
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let gone = false;
  const exited = new Promise<void>((resolve) => {
    const done = () => {
      gone = true;
      resolve();
    };
    child.once("exit", done);
    child.once("error", (error) => {
      keep(Buffer.from(`${error.message}\n`));
      done();
    });
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };
  // If the test process exits without stop(), take the service along.
  const killOnExit = () => killGroup("SIGKILL");
  process.on("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    if (!gone) {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(STOP_GRACE_MS)]);
    }
    killGroup("SIGKILL"); // whatever outlived the graceful stop (tsx's child, workers)
    await exited;
  };

  const deadline = Date.now() + startTimeoutMs;
  while (!(await ready().catch(() => false))) {
    const problem = gone
      ? "exited before it was ready"
      : Date.now() > deadline
        ? "was not ready in time"
        : null;
    if (problem) {
      await stop();
      throw new Error(`${name} ${problem} (${command} ${args.join(" ")}):\n${output}`);
    }
    await sleep(50);
  }
  return { pid: child.pid ?? 0, output: () => output, stop };
}

/** GET over a fresh connection (so a cluster's workers take turns): true on 200. */
export function answersOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

export type ValidationApi = { url: string; port: number; stop(): Promise<void> };

/**
 * Starts `tsx scripts/validation-api.ts` on a free loopback port with `env` added to this
 * process's environment, and waits for /healthz. Unless `waitForStore` is false (a test that
 * starts it with Redis down), it then also waits for /readyz, so the first check never meets
 * a Redis connection still being opened.
 */
export async function startValidationApi(
  options: { env?: Record<string, string>; waitForStore?: boolean } = {},
): Promise<ValidationApi> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    VALIDATION_API_HOST: "127.0.0.1",
    VALIDATION_API_PORT: String(port),
  };
  const workers = Math.max(1, Number(env.VALIDATION_WORKERS ?? 1) || 1);
  const probe = options.waitForStore === false ? "/healthz" : "/readyz";
  // Every worker must answer: with node:cluster, fresh connections go round-robin.
  let streak = 0;
  const service = await startChildService({
    name: "validation API",
    command: TSX,
    args: [...VALIDATION_API_NODE_FLAGS, "scripts/validation-api.ts"],
    env,
    ready: async () => {
      streak = (await answersOk(url + probe)) ? streak + 1 : 0;
      return streak >= 2 * workers;
    },
  });
  return { url, port, stop: service.stop };
}
