import { RedisLimiterStore } from "@/lib/limiter/redis-store";
import type { LimiterStore } from "@/lib/limiter/types";
import { redis, whenReady } from "@/lib/redis";

let store: LimiterStore | null | undefined;

/**
 * The shared counters as the dashboard reads them; null without Redis (embedded in-process
 * mode). Waits briefly for the connection: the client never queues commands while connecting.
 */
export async function limiterStore(): Promise<LimiterStore | null> {
  const client = redis();
  if (!client) return null;
  store ??= new RedisLimiterStore(client);
  await whenReady(client, 1_000).catch(() => {});
  return store;
}
