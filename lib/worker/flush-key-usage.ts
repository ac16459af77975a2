import { markKeysUsed } from "@/lib/keys/mark-keys-used";
import { KEY_LAST_USED } from "@/lib/policy/redis-keys";
import type { RedisClient } from "@/lib/redis";

/**
 * Moves the validation API's "last used" reports into Postgres. The hash is renamed first, so
 * reports arriving meanwhile go to a fresh hash and none is lost or counted twice.
 */
export async function flushKeyUsage(client: RedisClient): Promise<number> {
  const draining = `${KEY_LAST_USED}:draining`;
  const leftover = await client.hgetall(draining); // a previous run that failed half-way
  let batch = leftover;
  if (Object.keys(leftover).length === 0) {
    try {
      await client.rename(KEY_LAST_USED, draining);
    } catch {
      return 0; // nothing reported since the last run
    }
    batch = await client.hgetall(draining);
  }
  const uses = Object.entries(batch).map(([keyId, at]) => ({ keyId, usedAt: new Date(Number(at)) }));
  const updated = await markKeysUsed(uses);
  await client.del(draining);
  return updated;
}
