import { accessSync, constants, mkdirSync } from "node:fs";
import path from "node:path";
import type { ServiceSpec } from "./processes";

const HOST = "127.0.0.1";
export const EMBEDDED_REDIS_DIR = ".data/redis";

export function embeddedRedisPort(): number {
  return Number(process.env.EMBEDDED_REDIS_PORT ?? 6390);
}

/** The full path of `name` on PATH, or null when it is not installed. */
export function findExecutable(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * A local redis-server for the zero-config setup, when one is installed: loopback only and
 * nothing persisted (the worker republishes every policy into an empty Redis at start).
 * Null when there is no redis-server binary.
 */
export function embeddedRedis(): { service: ServiceSpec; url: string } | null {
  const binary = findExecutable("redis-server");
  if (!binary) return null;
  const port = embeddedRedisPort();
  mkdirSync(EMBEDDED_REDIS_DIR, { recursive: true });
  const service: ServiceSpec = {
    name: "redis",
    command: binary,
    args: [
      ...["--port", String(port), "--bind", HOST, "--save", "", "--appendonly", "no"],
      // Its log goes to a file: startup warnings (memory overcommit…) would only add noise.
      ...["--dir", EMBEDDED_REDIS_DIR, "--loglevel", "warning", "--logfile", "redis.log"],
    ],
    readyPort: { host: HOST, port },
    listens: [{ host: HOST, port }],
  };
  return { service, url: `redis://${HOST}:${port}` };
}
