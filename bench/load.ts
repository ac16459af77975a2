// Closed-loop load at full speed with wrk (C, from Debian's `wrk` package): at ~12 µs of CPU per
// request it leaves the two cores to the servers and Redis, where autocannon (~35 µs, in Node)
// took a third of the machine and pressed every ratio towards 1.
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  /** POST bodies, sent in turn: every request carries the next one (and so the next key). */
  bodies: string[];
  seconds: number;
  connections: number;
  /**
   * Requests per second to aim for, below saturation: each connection then waits a random
   * time (mean connections / rate) after an answer. Unset: as fast as the server answers.
   */
  rate?: number;
};

export type LoadResult = {
  rps: number;
  /** Milliseconds, from each request written to its response read (wrk: µs resolution). */
  p50: number;
  p99: number;
  responses: number;
  errors: number;
  non2xx: number;
};

const WRK_SCRIPT = path.join(import.meta.dirname, "wrk-bodies.lua");

export function assertWrkInstalled() {
  if (spawnSync("wrk", ["--version"]).error) {
    throw new Error("wrk is missing: apt-get install -y wrk (see bench/README.md)");
  }
}

// One file per body list, written once: wrk's Lua reads it at start.
const bodyFiles = new WeakMap<string[], string>();
function bodyFile(bodies: string[], dir: string): string {
  let file = bodyFiles.get(bodies);
  if (!file) {
    file = path.join(dir, `bodies-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, `${bodies.join("\n")}\n`);
    bodyFiles.set(bodies, file);
  }
  return file;
}

/** One wrk run (one thread: the load generator gets at most one core's worth). */
export function runLoad(options: LoadOptions & { scratchDir: string }): Promise<LoadResult> {
  const token = (options.headers.authorization ?? "").replace(/^Bearer /, "");
  const args = ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "-s", WRK_SCRIPT, options.url];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WRK_BODIES: bodyFile(options.bodies, options.scratchDir),
    WRK_TOKEN: token,
  };
  // Each connection's period is its pause plus the answer's latency (about a millisecond).
  if (options.rate)
    env.WRK_DELAY_MS = String(Math.max(1, Math.round((options.connections * 1000) / options.rate) - 1));
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("error", reject);
    child.once("close", (code) => {
      const line = output.split("\n").find((l) => l.startsWith('{"requests"'));
      if (code !== 0 || !line) return reject(new Error(`wrk failed (exit ${code}):\n${output}`));
      const r = JSON.parse(line) as {
        requests: number;
        seconds: number;
        p50: number;
        p99: number;
        errors: number;
        non2xx: number;
      };
      resolve({
        rps: r.requests / r.seconds,
        p50: r.p50,
        p99: r.p99,
        responses: r.requests,
        errors: r.errors,
        non2xx: r.non2xx,
      });
    });
  });
}
