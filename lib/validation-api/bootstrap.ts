import type { Cluster, Redis } from "ioredis";
import { MemoryLimiterStore } from "@/lib/limiter/memory-store";
import { RedisLimiterStore } from "@/lib/limiter/redis-store";
import { ScriptPipe } from "@/lib/limiter/script-pipe";
import type { LimiterStore } from "@/lib/limiter/types";
import type { PolicySource } from "@/lib/policy/policy-source";
import type { ApiContext } from "./api-context";
import type { ValidationConfig } from "./config";
import { connectRedis } from "./connect-redis";
import { PolicyCache } from "./policy-cache";
import { PreflightTenants } from "./preflight-tenants";
import { RedisPolicySource } from "./redis-policy-source";
import { RefusalCache } from "./refusal-cache";
import { RepeatedRefusals } from "./repeated-refusals";
import { ServiceAuth } from "./service-auth";
import { StoreHealth } from "./store-health";
import { UsageReporter } from "./usage-reporter";

export type Running = { ctx: ApiContext; close: () => Promise<void>; mode: "redis" | "embedded" };

/**
 * Wires the validation API: Redis for policies and counters when REDIS_URL (or
 * REDIS_CLUSTER_NODES) is set; otherwise the embedded mode reads policies from Postgres and
 * counts in process (one process only: counters are not shared).
 */
export async function bootstrap(
  config: ValidationConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Running> {
  const redis = connectRedis(env, config.redisTimeoutMs);
  let source: PolicySource;
  let store: LimiterStore;
  let ping: () => Promise<void>;
  let pipe: ScriptPipe | null = null;
  if (redis) {
    redis.on("error", () => {}); // outages are handled per request; don't crash or spam
    source = new RedisPolicySource(redis);
    // Checks go through a lean pipelined connection of our own where the URL allows it.
    const checks =
      env.REDIS_URL && !env.REDIS_CLUSTER_NODES
        ? ScriptPipe.fromUrl(env.REDIS_URL, config.redisTimeoutMs)
        : null;
    pipe = checks;
    store = new RedisLimiterStore(redis, checks ? { checkClient: checks } : {});
    ping = async () => {
      await (redis as Redis | Cluster).ping();
      if (checks && !checks.isReady) throw new Error("limiter connection is not ready");
    };
  } else {
    const { PostgresPolicySource } = await import("@/lib/policy/postgres-policy-source");
    source = new PostgresPolicySource();
    store = new MemoryLimiterStore();
    ping = async () => {};
  }
  const cache = new PolicyCache(source);
  const refusals = new RefusalCache();
  const repeatedRefusals = new RepeatedRefusals(refusals);
  cache.onChange((change) => {
    if (change.kind === "tenant" || change.kind === "counters") refusals.forgetTenant(change.tenantId);
    repeatedRefusals.clear();
  });
  cache.start();
  const refusalSweep = setInterval(() => {
    refusals.sweep(Date.now());
    repeatedRefusals.sweep(Date.now());
  }, 10_000);
  refusalSweep.unref();
  const usage = new UsageReporter(redis);
  usage.start();
  const ctx: ApiContext = {
    deps: {
      cache,
      store,
      insurance: new MemoryLimiterStore(),
      localInvalid: new MemoryLimiterStore(),
      refusals,
      health: new StoreHealth(),
      processes: config.processes,
      usage,
    },
    source,
    preflightTenants: new PreflightTenants(source, cache),
    serviceAuth: new ServiceAuth(source),
    repeatedRefusals,
    store,
    ping,
  };
  return {
    ctx,
    mode: redis ? "redis" : "embedded",
    close: async () => {
      cache.stop();
      clearInterval(refusalSweep);
      await usage.stop();
      await source.close();
      pipe?.close();
      redis?.disconnect();
    },
  };
}
