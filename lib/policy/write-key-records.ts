import type { ApiKey } from "@/generated/prisma/client";
import type { RedisClient } from "@/lib/redis";
import { compileKeyRecord } from "./compile-policy";
import { keyRecordKey } from "./redis-keys";

/** A revoked key's record stays this long after revocation, so the API answers KEY_REVOKED. */
export const REVOKED_RECORD_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Writes one record per key and returns the hashes whose record changed (new, different, or
 * removed), which are the ones to announce. Single-key commands only, so it works on a Cluster.
 * SET … GET returns the previous value in the same round trip as the write.
 */
export async function writeKeyRecords(client: RedisClient, keys: ApiKey[], now: number): Promise<string[]> {
  const changed = await Promise.all(keys.map((key) => writeKeyRecord(client, key, now)));
  return keys.filter((_, i) => changed[i]).map((key) => key.hash);
}

async function writeKeyRecord(client: RedisClient, key: ApiKey, now: number): Promise<boolean> {
  const redisKey = keyRecordKey(key.hash);
  const json = JSON.stringify(compileKeyRecord(key));
  if (!key.revokedAt) return (await client.set(redisKey, json, "GET")) !== json;
  const ttl = key.revokedAt.getTime() + REVOKED_RECORD_TTL_MS - now;
  // Revoked long ago: the record has expired (or never existed after a Redis restart); the
  // API then answers INVALID_KEY, which tells an attacker nothing either.
  if (ttl <= 0) return (await client.del(redisKey)) > 0;
  return (await client.set(redisKey, json, "PX", ttl, "GET")) !== json;
}
