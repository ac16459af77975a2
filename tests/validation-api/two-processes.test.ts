import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { rotateApiKey } from "@/lib/keys/rotate-api-key";
import { bumpPolicyVersion, publishTenantPolicy } from "@/lib/policy/publish-policy";
import { redis } from "@/lib/redis";
import { resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { type TenantTx, tenantDb } from "@/lib/tenancy/tenant-db";
import { as } from "../support/factories";
import { type SeededEnforcement, seedEnforcement } from "../support/seed-enforcement";
import { startValidationApi, type ValidationApi } from "../support/validation-api-process";

const agent = new Agent({ connections: 64 });

async function check(api: ValidationApi, token: string, key: string, path = "/api/items") {
  const response = await undiciFetch(`${api.url}/v1/check`, {
    method: "POST",
    dispatcher: agent,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ key, ip: "198.51.100.20", method: "GET", path }),
  });
  return (await response.json()) as { status: number; code: string | null; allowed: boolean };
}

async function ownerContext(seeded: SeededEnforcement) {
  const owner = await db().membership.findFirstOrThrow({
    where: { tenantId: seeded.tenant.id, role: "OWNER" },
  });
  return {
    ctx: await as(owner.userId, () => resolveTenant(seeded.tenant.slug, ["OWNER"])),
    ownerId: owner.userId,
  };
}

/** Saves a change with its policy version bump, then publishes it with every announcement lost. */
async function saveWithAnnouncementsLost(tenantId: string, change: (tx: TenantTx) => Promise<unknown>) {
  await tenantDb(tenantId).$transaction(async (tx) => {
    await change(tx);
    await bumpPolicyVersion(tx, tenantId);
  });
  await publishWithAnnouncementsLost(tenantId);
}

/** Publishes through a client whose PUBLISH does nothing: every announcement is lost. */
async function publishWithAnnouncementsLost(tenantId: string) {
  const client = redis();
  if (!client) throw new Error("REDIS_URL not set");
  const silent = new Proxy(client, {
    get: (target, prop, receiver) =>
      prop === "publish" ? async () => 0 : Reflect.get(target, prop, receiver),
  });
  await publishTenantPolicy(tenantId, silent);
}

/** Polls both processes until `done` holds for each; returns how long it took. */
async function untilBoth(
  apis: ValidationApi[],
  probe: (api: ValidationApi) => Promise<boolean>,
  timeoutMs = 3_000,
) {
  const started = Date.now();
  const pending = new Set(apis);
  while (pending.size && Date.now() - started < timeoutMs) {
    for (const api of [...pending]) if (await probe(api)) pending.delete(api);
    if (pending.size) await new Promise((r) => setTimeout(r, 25));
  }
  if (pending.size) throw new Error(`not seen by every process within ${timeoutMs} ms`);
  return Date.now() - started;
}

describe("two validation processes against one Redis", () => {
  let apis: ValidationApi[];
  beforeAll(async () => {
    process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
    apis = await Promise.all([startValidationApi(), startValidationApi()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await agent.close();
  });
  /** Polls both processes until each refuses the seeded key with `code`; returns how long it took. */
  const untilBothAnswer = (seeded: SeededEnforcement, code: string) =>
    untilBoth(apis, async (api) => (await check(api, seeded.serviceToken, seeded.key)).code === code);

  it("5,000 concurrent requests against a limit of 1,000 admit exactly 1,000", async () => {
    const seeded = await seedEnforcement({
      label: "accuracy",
      limits: { poolPointsPerMinute: 1000, keyPerMinute: 100_000, keyPerHour: 100_000, keyBurst: 100_000 },
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 5000 }, (_, i) => check(apis[i % 2], seeded.serviceToken, seeded.key)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(1000);
      expect(results.filter((r) => r.status === 429)).toHaveLength(4000);
    } finally {
      await seeded.cleanup();
    }
  });

  it("a revoked key is refused by both processes within 2 s", async () => {
    const seeded = await seedEnforcement({ label: "revoke" });
    try {
      for (const api of apis) expect((await check(api, seeded.serviceToken, seeded.key)).status).toBe(200);
      const { ctx } = await ownerContext(seeded);
      const key = await db().apiKey.findFirstOrThrow({ where: { tenantId: seeded.tenant.id } });
      await revokeApiKey(ctx, key.id);
      const took = await untilBothAnswer(seeded, "KEY_REVOKED");
      expect(took).toBeLessThan(2_000);
    } finally {
      await seeded.cleanup();
    }
  });

  it("a change saved in Postgres is enforced by both within 2 s, even when its announcement is lost", async () => {
    const seeded = await seedEnforcement({ label: "propagate", limits: { keyPerMinute: 100 } });
    try {
      for (const api of apis) expect((await check(api, seeded.serviceToken, seeded.key)).status).toBe(200);
      await saveWithAnnouncementsLost(seeded.tenant.id, (tx) =>
        tx.tenant.update({ where: { id: seeded.tenant.id }, data: { status: "SUSPENDED" } }),
      );
      const took = await untilBothAnswer(seeded, "TENANT_SUSPENDED");
      expect(took).toBeLessThan(2_000);
    } finally {
      await seeded.cleanup();
    }
  });

  it("a revoked key is refused by both within 2 s even when every announcement is lost", async () => {
    const seeded = await seedEnforcement({ label: "revoke-silent" });
    try {
      for (const api of apis) expect((await check(api, seeded.serviceToken, seeded.key)).status).toBe(200);
      await saveWithAnnouncementsLost(seeded.tenant.id, (tx) =>
        tx.apiKey.updateMany({ data: { revokedAt: new Date() } }),
      );
      const took = await untilBothAnswer(seeded, "KEY_REVOKED");
      expect(took).toBeLessThan(2_000);
    } finally {
      await seeded.cleanup();
    }
  });

  it("a rotated key's old secret works during the grace period and not after", async () => {
    const seeded = await seedEnforcement({ label: "rotate" });
    try {
      const { ctx } = await ownerContext(seeded);
      const old = await db().apiKey.findFirstOrThrow({ where: { tenantId: seeded.tenant.id } });
      const { secret } = await rotateApiKey(ctx, old.id, 1);
      await untilBoth(apis, async (api) => (await check(api, seeded.serviceToken, secret)).status === 200);
      for (const api of apis) expect((await check(api, seeded.serviceToken, seeded.key)).status).toBe(200);
      // The grace period ends: move its end into the past, as time would.
      await tenantDb(seeded.tenant.id).$transaction(async (tx) => {
        await tx.apiKey.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
        await bumpPolicyVersion(tx, seeded.tenant.id);
      });
      await publishTenantPolicy(seeded.tenant.id);
      const took = await untilBothAnswer(seeded, "KEY_EXPIRED");
      expect(took).toBeLessThan(2_000);
      for (const api of apis) expect((await check(api, seeded.serviceToken, secret)).status).toBe(200);
    } finally {
      await seeded.cleanup();
    }
  });
});
