import { db } from "@/lib/db";
import { publishServiceTokens } from "@/lib/policy/publish-service-tokens";
import { PUBLISHED_MARKER } from "@/lib/policy/redis-keys";
import { type RedisClient, whenReady } from "@/lib/redis";
import { publishEach } from "./republish-lagging";

/**
 * When Redis has lost what was published (restarted empty, flushed, a new instance), publishes
 * every tenant and the service tokens again. Returns true when it did.
 *
 * NOTE: only this full republication sets PUBLISHED_MARKER, at its very end. If a single
 * tenant's publication set it, a change made right after a Redis restart would hide the
 * restart from the worker and leave every other tenant unpublished.
 */
export async function republishIfRedisEmpty(client: RedisClient): Promise<boolean> {
  await whenReady(client);
  if ((await client.exists(PUBLISHED_MARKER)) === 1) return false;
  await republishEverything(client);
  return true;
}

export async function republishEverything(client: RedisClient): Promise<void> {
  const tenants = await db().tenant.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  await publishEach(
    client,
    tenants.map((t) => t.id),
  );
  await publishServiceTokens(client);
  await client.set(PUBLISHED_MARKER, new Date().toISOString());
}
