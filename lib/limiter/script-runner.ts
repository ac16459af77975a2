import { createHash } from "node:crypto";
import type { Cluster, Redis } from "ioredis";

export type RedisClient = Redis | Cluster;

/** What running a script takes: an ioredis client, or the validation API's ScriptPipe. */
export type ScriptClient = {
  evalsha(sha1: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  eval(lua: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
};

export type LuaScript = { readonly lua: string; readonly sha1: string };

export const sha1Of = (lua: string): string => createHash("sha1").update(lua).digest("hex");

export const defineScript = (lua: string): LuaScript => ({ lua, sha1: sha1Of(lua) });

const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith("NOSCRIPT");

/**
 * EVALSHA, and on NOSCRIPT (a restarted or flushed node, a failover) one EVAL, which runs the
 * script and caches it on the node that answered. Both are routed by the first key, so in a
 * Cluster the script always lands on the node owning the slot, where a SCRIPT LOAD sent through
 * the client could reach any node. NOSCRIPT means nothing ran, so the retry cannot double-count.
 */
export async function runScript(
  redis: RedisClient | ScriptClient,
  script: LuaScript,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha1, keys.length, ...keys, ...args);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return redis.eval(script.lua, keys.length, ...keys, ...args);
  }
}
