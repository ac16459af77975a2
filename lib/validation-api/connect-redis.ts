import { Cluster, Redis, type RedisOptions } from "ioredis";

/**
 * The hot path's Redis connection: a short command timeout and no offline queue, so a dead or
 * frozen Redis costs a request at most `timeoutMs` before the failure mode decides.
 */
export function connectRedis(env: NodeJS.ProcessEnv, timeoutMs: number): Redis | Cluster | null {
  const options: RedisOptions = {
    commandTimeout: timeoutMs,
    connectTimeout: 1_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Keep reconnecting quickly: recovery must take seconds, not minutes.
    retryStrategy: () => 200,
  };
  if (env.REDIS_CLUSTER_NODES) {
    const nodes = env.REDIS_CLUSTER_NODES.split(",").map((hostPort) => {
      const [host, port] = hostPort.trim().split(":");
      return { host, port: Number(port) };
    });
    return new Cluster(nodes, {
      redisOptions: options,
      enableOfflineQueue: false,
      clusterRetryStrategy: () => 200,
    });
  }
  if (env.REDIS_URL) return new Redis(env.REDIS_URL, options);
  return null;
}
