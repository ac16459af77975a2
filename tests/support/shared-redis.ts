import { Redis } from "ioredis";
import { db } from "@/lib/db";
import {
  corsOriginKey,
  corsTenantSlugKey,
  keyRecordKey,
  policyKey,
  policyVersionKey,
  serviceTokenKey,
} from "@/lib/policy/redis-keys";
import { closeRedis } from "@/lib/redis";

/** The shared Redis of the machine. Tests write only keys named by random ids, never flush. */
export const SHARED_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A plain client for a test to read what was published. */
export function testRedis(url = SHARED_REDIS_URL): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  client.on("error", () => {});
  return client;
}

/**
 * Points the services' shared client (`redis()` in lib/redis.ts) at `url` until the returned
 * function restores the environment. Closes the current client, so the next call reconnects.
 */
export async function useRedisUrl(url: string | undefined): Promise<() => Promise<void>> {
  const before = process.env.REDIS_URL;
  await closeRedis();
  if (url === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = url;
  return async () => {
    await closeRedis();
    if (before === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = before;
  };
}

/** Resolves with the first message on `channel` that `matches`, or rejects after `timeoutMs`. */
export function nextMessage<T>(
  subscriber: Redis,
  channel: string,
  matches: (message: T) => boolean,
  timeoutMs = 3000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscriber.off("message", onMessage);
      reject(new Error(`no matching message on ${channel} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (from: string, raw: string) => {
      const message = JSON.parse(raw) as T;
      if (from !== channel || !matches(message)) return;
      clearTimeout(timer);
      subscriber.off("message", onMessage);
      resolve(message);
    };
    subscriber.on("message", onMessage);
  });
}

/** Deletes what publishing this test database's rows wrote to the shared Redis. */
export async function forgetPublished(client: Redis): Promise<void> {
  const [tenants, keys, tokens, origins] = await Promise.all([
    db().tenant.findMany({ select: { id: true, slug: true } }),
    db().apiKey.findMany({ select: { hash: true } }),
    db().serviceToken.findMany({ select: { hash: true } }),
    db().allowedOrigin.findMany({ select: { origin: true }, distinct: ["origin"] }),
  ]);
  const names = [
    ...tenants.flatMap((t) => [policyKey(t.id), policyVersionKey(t.id), corsTenantSlugKey(t.slug)]),
    ...origins.map((o) => corsOriginKey(o.origin)),
    ...keys.map((k) => keyRecordKey(k.hash)),
    ...tokens.map((t) => serviceTokenKey(t.hash)),
  ];
  for (let i = 0; i < names.length; i += 500) await client.del(...names.slice(i, i + 500));
}
