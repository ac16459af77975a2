import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { hashKey } from "@/lib/keys/key-format";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { createServiceToken } from "@/lib/keys/service-tokens";
import type { KeyRecord } from "@/lib/policy/policy.types";
import { keyRecordKey, PUBLISHED_MARKER, policyKey, serviceTokenKey } from "@/lib/policy/redis-keys";
import { createClient, quit, type RedisClient } from "@/lib/redis";
import { MANAGERS, resolveTenant, type TenantContext } from "@/lib/tenancy/resolve-tenant";
import { republishIfRedisEmpty } from "@/lib/worker/republish-everything";
import { runWorker } from "@/lib/worker/run-worker";
import { workerJobs } from "@/lib/worker/worker-jobs";
import { as, createTenantWithOwner } from "./support/factories";
import { startPrivateRedis } from "./support/private-redis";
import { useRedisUrl } from "./support/shared-redis";

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe("worker", () => {
  let server: Awaited<ReturnType<typeof startPrivateRedis>>;
  let client: RedisClient;
  let restoreRedis: () => Promise<void>;
  let ctx: TenantContext;

  beforeAll(async () => {
    server = await startPrivateRedis();
    client = createClient({ REDIS_URL: server.url }) as RedisClient;
    restoreRedis = await useRedisUrl(server.url); // what the services publish to
    const { owner, tenant } = await createTenantWithOwner("worker");
    ctx = await as(owner.id, () => resolveTenant(tenant.slug, MANAGERS));
  });

  afterAll(async () => {
    await restoreRedis();
    await quit(client);
    await server.stop();
  });

  it("republishes every tenant and the service tokens into an empty Redis, then sets the marker", async () => {
    const { key } = await createApiKey(ctx, { name: "Survives restarts" });
    const { token, secret } = await createServiceToken("Gateway for the worker test");
    expect(await republishIfRedisEmpty(client)).toBe(true);
    expect(await republishIfRedisEmpty(client)).toBe(false); // marker present: nothing to do

    server.signal("SIGKILL");
    await server.restart(); // empty, as a restart without persistence
    await waitFor(async () => client.status === "ready", 5000);
    expect(await client.exists(policyKey(ctx.tenant.id))).toBe(0);

    expect(await republishIfRedisEmpty(client)).toBe(true);
    expect(await client.exists(PUBLISHED_MARKER)).toBe(1);
    expect(JSON.parse((await client.get(policyKey(ctx.tenant.id))) ?? "null")).toMatchObject({
      tenantId: ctx.tenant.id,
    });
    expect(await client.exists(keyRecordKey(key.hash))).toBe(1);
    expect(JSON.parse((await client.get(serviceTokenKey(hashKey(secret)))) ?? "null")).toEqual({
      id: token.id,
      name: token.name,
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { targetId: token.id } });
    expect(audit).toMatchObject({ chain: "platform", tenantId: null, action: "service_token.create" });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("survives Redis going down, logs it once, and catches up within seconds once it is back", async () => {
    const { key } = await createApiKey(ctx, { name: "Revoked while Redis is down" });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const stop = new AbortController();
    const loop = runWorker(workerJobs(client, {}), stop.signal, 200);
    try {
      server.signal("SIGKILL");
      await revokeApiKey(ctx, key.id); // committed; publishing after commit fails
      // Down long enough for reconnection back-off to grow: recovery must still be quick.
      await new Promise((r) => setTimeout(r, 3000));
      const failures = errors.mock.calls.filter(([text]) =>
        String(text).includes("policy publication failing"),
      );
      expect(failures).toHaveLength(1);

      await server.restart();
      const tookMs = await waitFor(async () => {
        const record = JSON.parse((await client.get(keyRecordKey(key.hash))) ?? "null") as KeyRecord | null;
        return record?.revokedAt != null;
      }, 5000);
      expect(tookMs).toBeLessThan(2500);
      // The worker records the published version in Postgres just after writing Redis.
      await waitFor(async () => {
        const tenant = await db().tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id } });
        return tenant.publishedVersion === tenant.policyVersion;
      }, 2000);
    } finally {
      stop.abort();
      await loop; // returns once aborted
      errors.mockRestore();
    }
  });
});
