import { RedisLimiterStore } from "@/lib/limiter/redis-store";
import { poolLog } from "@/lib/policy/redis-keys";
import { type RedisClient, redis, whenReady } from "@/lib/redis";

const MINUTE = 60_000;

/**
 * Points used in each tenant's pool over the last minute, read with the limiter's `peek` (which
 * consumes nothing). A tenant missing from the result is unknown: Redis is not configured (the
 * embedded in-process limiter cannot be read from here) or did not answer.
 */
export async function readPoolUsage(
  tenantIds: readonly string[],
  client: RedisClient | null = redis(),
): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  if (!client || tenantIds.length === 0) return used;
  try {
    await whenReady(client, 300);
  } catch {
    return used;
  }
  const store = new RedisLimiterStore(client);
  await Promise.all(
    tenantIds.map(async (tenantId) => {
      try {
        // max only shapes the verdict, which is not used here; cost 0 reads without consuming.
        const spec = { name: "tenant", key: poolLog(tenantId), windowMs: MINUTE, max: 0, cost: 0 } as const;
        const { states } = await store.peek([spec]);
        used.set(tenantId, states[0]?.used ?? 0);
      } catch {
        // Unknown for this tenant: the page shows "—".
      }
    }),
  );
  return used;
}
