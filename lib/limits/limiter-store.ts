import { RedisLimiterStore } from "@/lib/limiter/redis-store";
import type { LimiterStore } from "@/lib/limiter/types";
import { redis } from "@/lib/redis";

let store: LimiterStore | null | undefined;

/** The shared counters as the dashboard reads them; null without Redis (embedded in-process mode). */
export function limiterStore(): LimiterStore | null {
  if (store === undefined) {
    const client = redis();
    store = client ? new RedisLimiterStore(client) : null;
  }
  return store;
}
