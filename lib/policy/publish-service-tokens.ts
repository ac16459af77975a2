import { db } from "@/lib/db";
import { type RedisClient, whenReady } from "@/lib/redis";
import { requireRedis } from "./publish-policy";
import { serviceTokenKey } from "./redis-keys";

/**
 * Writes every usable service token (hash → {id, name}) and deletes revoked ones. Idempotent
 * and cheap (a handful of rows), so the worker also runs it periodically as reconciliation.
 * Nothing is announced: the validation API re-reads a token after a few seconds anyway.
 */
export async function publishServiceTokens(client: RedisClient = requireRedis()): Promise<number> {
  await whenReady(client);
  const tokens = await db().serviceToken.findMany({
    select: { id: true, name: true, hash: true, revokedAt: true },
  });
  await Promise.all(
    tokens.map((token) =>
      token.revokedAt
        ? client.del(serviceTokenKey(token.hash))
        : client.set(serviceTokenKey(token.hash), JSON.stringify({ id: token.id, name: token.name })),
    ),
  );
  return tokens.length;
}
