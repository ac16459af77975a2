import { Cluster, Redis, type RedisOptions } from "ioredis";

export type RedisClient = Redis | Cluster;

const globalForRedis = globalThis as unknown as { __sluiceRedis?: RedisClient | null };

// Fail fast instead of queueing: callers decide what a Redis outage means (fail-open, retry
// later, …), and a request must never hang on a dead connection.
const COMMAND_OPTIONS = { commandTimeout: 500, maxRetriesPerRequest: 1 } satisfies RedisOptions;
// Reconnect quickly and keep trying: a restarted Redis is back in use within about a second.
const retryDelay = (times: number) => Math.min(100 * times, 1000);

/**
 * The shared client of this process, for the web, the worker and the validation API alike.
 * Created on first use from REDIS_CLUSTER_NODES ("host:port,host:port") or REDIS_URL; null
 * when neither is set (embedded mode without Redis). Subscribers take `redis().duplicate()`.
 */
export function redis(): RedisClient | null {
  if (globalForRedis.__sluiceRedis === undefined) globalForRedis.__sluiceRedis = createClient(process.env);
  return globalForRedis.__sluiceRedis;
}

/** A new client from `env`, connecting in the background; null when Redis is not configured. */
export function createClient(env: Record<string, string | undefined>): RedisClient | null {
  const url = env.REDIS_URL?.trim();
  const nodes = env.REDIS_CLUSTER_NODES?.trim();
  if (!url && !nodes) return null;
  const client = nodes ? clusterClient(nodes, url) : standaloneClient(url as string);
  logOutages(client);
  client.connect().catch(() => {}); // errors surface through the "error" event and commands
  return client;
}

function standaloneClient(url: string): Redis {
  return new Redis(url, {
    ...COMMAND_OPTIONS,
    enableOfflineQueue: false,
    lazyConnect: true,
    retryStrategy: retryDelay,
  });
}

function clusterClient(nodes: string, url: string | undefined): Cluster {
  const startupNodes = nodes.split(",").map((node) => {
    const [host, port] = node.trim().split(":");
    return { host, port: Number(port || 6379) };
  });
  // Credentials and TLS for the cluster nodes may come from REDIS_URL (rediss://user:pass@…).
  const auth = url ? new URL(url) : null;
  return new Cluster(startupNodes, {
    enableOfflineQueue: false,
    lazyConnect: true,
    clusterRetryStrategy: retryDelay,
    redisOptions: {
      ...COMMAND_OPTIONS,
      username: auth?.username ? decodeURIComponent(auth.username) : undefined,
      password: auth?.password ? decodeURIComponent(auth.password) : undefined,
      tls: auth?.protocol === "rediss:" ? {} : undefined,
    },
  });
}

/** One line when the connection is lost and one when it is back, not one per retry. */
function logOutages(client: RedisClient): void {
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    console.error(`[redis] unreachable (${error.message}); retrying in the background`);
  });
  client.on("ready", () => {
    if (down) console.log("[redis] connected again");
    down = false;
  });
}

/**
 * Resolves once `client` accepts commands. With the offline queue off, a command sent while
 * (re)connecting fails at once; this waits up to `timeoutMs` for the connection instead.
 */
export function whenReady(client: RedisClient, timeoutMs = 500): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  if (client.status === "end") return Promise.reject(new Error("Redis connection is closed"));
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      client.off("error", onError);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => done();
    const onError = (error: Error) => done(error);
    const timer = setTimeout(() => done(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
    client.once("ready", onReady);
    client.once("error", onError);
  });
}

/** Closes the shared client (end of a script, a test, or a shutdown). */
export async function closeRedis(): Promise<void> {
  const client = globalForRedis.__sluiceRedis;
  globalForRedis.__sluiceRedis = undefined;
  if (client) await quit(client);
}

/** Says goodbye when connected, or just drops the socket and stops reconnecting. */
export async function quit(client: RedisClient): Promise<void> {
  if (client.status !== "ready") {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}
