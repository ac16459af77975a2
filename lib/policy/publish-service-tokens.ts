import { db } from "@/lib/db";
import { type RedisClient, whenReady } from "@/lib/redis";
import { announce, requireRedis } from "./publish-policy";
import type { PolicyChange } from "./policy.types";
import { serviceTokenKey } from "./redis-keys";

/**
 * Writes every usable service token (hash → {id, name}) and deletes revoked ones. Idempotent
 * and cheap (a handful of rows), so the worker also runs it periodically as reconciliation.
 * A changed credential is announced as `{kind:"key", hash}`: the contract has no kind of its
 * own for service tokens, and the hash alone names what to drop from any cache.
 */
export async function publishServiceTokens(client: RedisClient = requireRedis()): Promise<number> {
  await whenReady(client);
  const tokens = await db().serviceToken.findMany({ select: { id: true, name: true, hash: true, revokedAt: true } });
  const changed = await Promise.all(
    tokens.map(async (token) => {
      const key = serviceTokenKey(token.hash);
      if (token.revokedAt) return (await client.del(key)) > 0;
      const json = JSON.stringify({ id: token.id, name: token.name });
      return (await client.set(key, json, "GET")) !== json;
    }),
  );
  await announce(
    client,
    tokens.filter((_, i) => changed[i]).map((token): PolicyChange => ({ kind: "key", hash: token.hash })),
  );
  return tokens.length;
}
