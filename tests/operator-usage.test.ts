import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/keys/create-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { RedisLimiterStore } from "@/lib/limiter/redis-store";
import { addAdjustment } from "@/lib/operator/add-adjustment";
import { listAllTenants } from "@/lib/operator/list-all-tenants";
import { resolveOperator } from "@/lib/operator/resolve-operator";
import { poolLog } from "@/lib/policy/redis-keys";
import { MANAGERS, resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { addMember, as, createTenantWithOwner } from "./support/factories";
import { createOperator } from "./support/operator";
import { freePort } from "./support/private-redis";
import { forgetPublished, SHARED_REDIS_URL, testRedis, useRedisUrl } from "./support/shared-redis";

describe("the operator's tenants list", () => {
  let reader: Redis;
  let restoreRedis: () => Promise<void>;
  let tenantId: string;

  beforeAll(async () => {
    restoreRedis = await useRedisUrl(SHARED_REDIS_URL);
    reader = testRedis();
    const { owner, tenant } = await createTenantWithOwner("listed");
    tenantId = tenant.id;
    await addMember(tenantId, "VIEWER");
    const ctx = await as(owner.id, () => resolveTenant(tenant.slug, MANAGERS));
    await createApiKey(ctx, { name: "Live" });
    await revokeApiKey(ctx, (await createApiKey(ctx, { name: "Revoked" })).key.id);
    // 7 points in the pool, as the validation API would have consumed them.
    const spec = { name: "tenant", key: poolLog(tenantId), windowMs: 60_000, max: 100, cost: 7 } as const;
    await new RedisLimiterStore(reader).check([spec]);
  });
  afterAll(async () => {
    await reader.del(poolLog(tenantId));
    await forgetPublished(reader);
    reader.disconnect();
    await restoreRedis();
  });

  const row = async () => (await listAllTenants()).find((t) => t.id === tenantId);

  it("shows plan, status, members, keys and the pool used against the limit enforced now", async () => {
    expect(await row()).toMatchObject({
      plan: "Developer",
      status: "ACTIVE",
      members: 2,
      keys: 1, // revoked keys are not counted
      multiplier: 1,
      pool: { used: 7, limit: 100 },
    });
  });

  it("a boost raises the limit shown", async () => {
    const operator = await createOperator();
    const ctx = await as(operator.id, () => resolveOperator());
    await addAdjustment(ctx, {
      tenantId,
      multiplier: 2,
      reason: "Launch",
      endsAt: new Date(Date.now() + 60_000),
    });
    expect(await row()).toMatchObject({ multiplier: 2, pool: { used: 7, limit: 200 } });
  });

  it("usage is unknown (shown as —) when Redis does not answer", async () => {
    const restore = await useRedisUrl(`redis://127.0.0.1:${await freePort()}`); // nothing listens there
    try {
      expect((await row())?.pool).toEqual({ used: null, limit: 200 });
    } finally {
      await restore();
    }
  });

  it("usage is unknown (shown as —) when Redis is not configured", async () => {
    const restore = await useRedisUrl(undefined);
    try {
      expect((await row())?.pool).toEqual({ used: null, limit: 200 });
    } finally {
      await restore();
    }
  });
});
