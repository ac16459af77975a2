import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import type { KeyRecord, PolicyChange, PolicySnapshot } from "@/lib/policy/policy.types";
import { publishTenantPolicy } from "@/lib/policy/publish-policy";
import { keyRecordKey, POLICY_CHANNEL, policyKey, policyVersionKey } from "@/lib/policy/redis-keys";
import { MANAGERS, resolveTenant, type TenantContext } from "@/lib/tenancy/resolve-tenant";
import { republishLagging } from "@/lib/worker/republish-lagging";
import { as, createTenantWithOwner } from "./support/factories";
import { freePort } from "./support/private-redis";
import { forgetPublished, SHARED_REDIS_URL, testRedis, useRedisUrl } from "./support/shared-redis";

const versions = (tenantId: string) =>
  db().tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { policyVersion: true, publishedVersion: true },
  });

describe("policy publication", () => {
  let reader: Redis;
  let subscriber: Redis;
  let restoreRedis: () => Promise<void>;
  let ctx: TenantContext;

  beforeAll(async () => {
    restoreRedis = await useRedisUrl(SHARED_REDIS_URL);
    reader = testRedis();
    subscriber = reader.duplicate();
    await subscriber.subscribe(POLICY_CHANNEL);
    const { owner, tenant } = await createTenantWithOwner("publish");
    ctx = await as(owner.id, () => resolveTenant(tenant.slug, MANAGERS));
  });

  afterAll(async () => {
    await forgetPublished(reader);
    subscriber.disconnect();
    reader.disconnect();
    await restoreRedis();
  });

  /** Records every announcement until `stop()`, which waits a moment for stragglers. */
  const listen = () => {
    const changes: PolicyChange[] = [];
    const onMessage = (_channel: string, raw: string) => changes.push(JSON.parse(raw) as PolicyChange);
    subscriber.on("message", onMessage);
    return {
      changes,
      stop: async () => {
        await new Promise((r) => setTimeout(r, 150));
        subscriber.off("message", onMessage);
        return changes;
      },
    };
  };

  it("a change bumps policyVersion, then Redis holds that version and the channel announces it", async () => {
    const before = await versions(ctx.tenant.id);
    const listening = listen();
    const { key } = await createApiKey(ctx, { name: "Announced" });
    const changes = await listening.stop();

    const after = await versions(ctx.tenant.id);
    expect(after.policyVersion).toBe(before.policyVersion + 1);
    expect(after.publishedVersion).toBe(after.policyVersion);
    const snapshot = JSON.parse((await reader.get(policyKey(ctx.tenant.id))) ?? "null") as PolicySnapshot;
    expect(snapshot).toMatchObject({
      version: after.policyVersion,
      tenantId: ctx.tenant.id,
      status: "ACTIVE",
    });
    expect(snapshot.limits).toEqual({
      poolPointsPerMinute: 100,
      keyPerMinute: 60,
      keyPerHour: 1000,
      keyBurst: 10,
      ipPerMinute: null,
    });
    expect(await reader.get(policyVersionKey(ctx.tenant.id))).toBe(String(after.policyVersion));
    expect(changes).toContainEqual({ kind: "tenant", tenantId: ctx.tenant.id, version: after.policyVersion });
    expect(changes).toContainEqual({ kind: "key", hash: key.hash });
    expect(await reader.exists(keyRecordKey(key.hash))).toBe(1);
  });

  it("announces exactly the keys whose record changed", async () => {
    const { key } = await createApiKey(ctx, { name: "Watched" });
    const { key: other } = await createApiKey(ctx, { name: "Bystander" });
    const listening = listen();
    await revokeApiKey(ctx, key.id);
    const keyChanges = (await listening.stop()).filter((c) => c.kind === "key");
    expect(keyChanges).toEqual([{ kind: "key", hash: key.hash }]);
    expect(keyChanges).not.toContainEqual({ kind: "key", hash: other.hash });
  });

  it("with Redis unreachable the change still commits, and the worker's republish catches up", async () => {
    const { key } = await createApiKey(ctx, { name: "Revoked during an outage" });
    const restore = await useRedisUrl(`redis://127.0.0.1:${await freePort()}`); // nothing listens there
    try {
      await revokeApiKey(ctx, key.id); // must not throw: the commit stands, publishing is best effort
    } finally {
      await restore();
    }
    const lagging = await versions(ctx.tenant.id);
    expect(lagging.publishedVersion).toBeLessThan(lagging.policyVersion);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).not.toBeNull();
    const stale = JSON.parse((await reader.get(keyRecordKey(key.hash))) ?? "null") as KeyRecord;
    expect(stale.revokedAt).toBeNull();

    await republishLagging(reader);

    const caughtUp = await versions(ctx.tenant.id);
    expect(caughtUp.publishedVersion).toBe(caughtUp.policyVersion);
    const fresh = JSON.parse((await reader.get(keyRecordKey(key.hash))) ?? "null") as KeyRecord;
    expect(fresh.revokedAt).not.toBeNull();
    expect(await reader.get(policyVersionKey(ctx.tenant.id))).toBe(String(caughtUp.policyVersion));
  });

  it("never moves publishedVersion backwards, and concurrent publishers agree", async () => {
    const { policyVersion } = await versions(ctx.tenant.id);
    const results = await Promise.all([1, 2, 3].map(() => publishTenantPolicy(ctx.tenant.id, reader)));
    expect(results).toEqual([policyVersion, policyVersion, policyVersion]);
    await db()
      .$executeRaw`UPDATE "Tenant" SET "publishedVersion" = ${policyVersion + 5} WHERE id = ${ctx.tenant.id}`;
    await publishTenantPolicy(ctx.tenant.id, reader);
    expect((await versions(ctx.tenant.id)).publishedVersion).toBe(policyVersion + 5);
    await db()
      .$executeRaw`UPDATE "Tenant" SET "publishedVersion" = ${policyVersion} WHERE id = ${ctx.tenant.id}`;
  });
});
