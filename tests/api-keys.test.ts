import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { hashKey, hasValidChecksum } from "@/lib/keys/key-format";
import { markKeysUsed } from "@/lib/keys/mark-keys-used";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { rotateApiKey } from "@/lib/keys/rotate-api-key";
import type { KeyRecord } from "@/lib/policy/policy.types";
import { keyRecordKey } from "@/lib/policy/redis-keys";
import { REVOKED_RECORD_TTL_MS } from "@/lib/policy/write-key-records";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { auditCount, ownerContext, refusal } from "./support/factories";
import { forgetPublished, SHARED_REDIS_URL, testRedis, useRedisUrl } from "./support/shared-redis";

const HOUR = 3_600_000;

describe("API keys", () => {
  let reader: Redis;
  let restoreRedis: () => Promise<void>;
  let a: TenantContext;
  let b: TenantContext;

  const record = async (hash: string) => {
    const raw = await reader.get(keyRecordKey(hash));
    return raw ? (JSON.parse(raw) as KeyRecord) : null;
  };

  beforeAll(async () => {
    restoreRedis = await useRedisUrl(SHARED_REDIS_URL);
    reader = testRedis();
    a = await ownerContext("keys-a");
    b = await ownerContext("keys-b");
  });

  afterAll(async () => {
    await forgetPublished(reader);
    reader.disconnect();
    await restoreRedis();
  });

  it("returns the secret once and stores only its SHA-256", async () => {
    const { key, secret } = await createApiKey(a, { name: "Billing service" });
    expect(hasValidChecksum(secret)).toBe(true);
    expect(key.hash).toBe(hashKey(secret));
    expect(secret.startsWith(key.prefix)).toBe(true);
    expect(secret.endsWith(key.last4)).toBe(true);
    const [row] = await db().$queryRaw<unknown[]>`SELECT * FROM "ApiKey" WHERE id = ${key.id}`;
    expect(JSON.stringify(row)).not.toContain(secret);
    const published = await reader.get(keyRecordKey(key.hash));
    expect(published).not.toContain(secret);
    expect(JSON.parse(published ?? "null")).toMatchObject({
      keyId: key.id,
      tenantId: a.tenant.id,
      revokedAt: null,
    });
  });

  it("audits key.create with prefix and last4, never the secret or its hash", async () => {
    const { key, secret } = await createApiKey(a, { name: "Audited", perMinute: 30 });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { tenantId: a.tenant.id, targetId: key.id },
    });
    expect(event).toMatchObject({ action: "key.create", actorId: a.user.id });
    expect(event.after).toMatchObject({
      name: "Audited",
      prefix: key.prefix,
      last4: key.last4,
      perMinute: 30,
    });
    const text = JSON.stringify(event);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(key.hash);
  });

  it("refuses per-key limits above the tenant's effective limits, naming the field", async () => {
    const before = await auditCount(a.tenant.id);
    const keys = await db().apiKey.count({ where: { tenantId: a.tenant.id } });
    const perMinute = await refusal(createApiKey(a, { name: "Greedy", perMinute: 61 })); // Developer: 60
    expect(perMinute).toMatchObject({ code: "BAD_REQUEST", field: "perMinute" });
    const burst = await refusal(createApiKey(a, { name: "Greedy", burst: 11 })); // Developer: 10
    expect(burst).toMatchObject({ code: "BAD_REQUEST", field: "burst" });
    const invalid = await refusal(createApiKey(a, { name: "Greedy", perHour: "many" }));
    expect(invalid).toMatchObject({ code: "BAD_REQUEST", field: "perHour" });
    expect(await auditCount(a.tenant.id)).toBe(before);
    expect(await db().apiKey.count({ where: { tenantId: a.tenant.id } })).toBe(keys);
  });

  it("bounds per-key limits by the tenant's override rather than the plan", async () => {
    await db().tenant.update({ where: { id: b.tenant.id }, data: { keyPerMinute: 100 } });
    const { key } = await createApiKey(b, { name: "Raised", perMinute: 100 });
    expect(key.perMinute).toBe(100);
    expect(await refusal(createApiKey(b, { name: "Too high", perMinute: 101 }))).toMatchObject({
      field: "perMinute",
    });
  });

  it("revocation bumps the policy version and publishes revokedAt, kept for 7 days", async () => {
    const { key } = await createApiKey(a, { name: "To revoke" });
    const versionBefore = (await db().tenant.findUniqueOrThrow({ where: { id: a.tenant.id } })).policyVersion;
    await revokeApiKey(a, key.id);
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: a.tenant.id } });
    expect(tenant.policyVersion).toBe(versionBefore + 1);
    expect(tenant.publishedVersion).toBe(tenant.policyVersion);
    expect((await record(key.hash))?.revokedAt).toBeGreaterThan(Date.now() - 60_000);
    const ttl = await reader.pttl(keyRecordKey(key.hash));
    expect(ttl).toBeGreaterThan(REVOKED_RECORD_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(REVOKED_RECORD_TTL_MS);
    expect(await refusal(revokeApiKey(a, key.id))).toMatchObject({ code: "CONFLICT" });
  });

  it("rotation issues a new secret and keeps the old one valid for the grace period", async () => {
    const { key: old, secret: oldSecret } = await createApiKey(a, {
      name: "Rotated",
      perHour: 500,
      burst: 3,
    });
    const rotated = await rotateApiKey(a, old.id, 2);
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.key).toMatchObject({ name: "Rotated", perHour: 500, burst: 3, revokedAt: null });
    expect(rotated.oldKey.rotatedToId).toBe(rotated.key.id);
    const oldRecord = await record(old.hash);
    expect(oldRecord?.revokedAt).toBeNull();
    expect(oldRecord?.expiresAt).toBeGreaterThan(Date.now() + 2 * HOUR - 60_000);
    expect(oldRecord?.expiresAt).toBeLessThanOrEqual(Date.now() + 2 * HOUR);
    expect(await record(rotated.key.hash)).toMatchObject({ keyId: rotated.key.id, perHour: 500, burst: 3 });
    expect(await refusal(rotateApiKey(a, old.id, 1))).toMatchObject({ code: "CONFLICT" });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { tenantId: a.tenant.id, action: "key.rotate" },
    });
    expect(JSON.stringify(event)).not.toContain(rotated.secret);
    expect(JSON.stringify(event)).not.toContain(rotated.key.hash);
  });

  it("rotation with no grace revokes the old key at once; grace is 0 to 24 hours", async () => {
    const { key: old } = await createApiKey(a, { name: "Leaked" });
    await rotateApiKey(a, old.id, 0);
    expect((await record(old.hash))?.revokedAt).toBeGreaterThan(Date.now() - 60_000);
    const { key } = await createApiKey(a, { name: "Patient" });
    expect(await refusal(rotateApiKey(a, key.id, 25))).toMatchObject({
      code: "BAD_REQUEST",
      field: "graceHours",
    });
  });

  it("another tenant's key id is not found, and the key is left unchanged", async () => {
    const { key } = await createApiKey(a, { name: "Not yours" });
    const before = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    const auditBefore = await auditCount(a.tenant.id);
    expect(await refusal(revokeApiKey(b, key.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(rotateApiKey(b, key.id, 1))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).toEqual(before);
    expect(await auditCount(a.tenant.id)).toBe(auditBefore);
    expect((await record(key.hash))?.revokedAt).toBeNull();
  });

  it("marks keys used in bulk, never moving lastUsedAt backwards", async () => {
    const { key: one } = await createApiKey(a, { name: "Used one" });
    const { key: two } = await createApiKey(a, { name: "Used two" });
    const late = new Date("2026-03-15T12:00:00.000Z");
    const early = new Date("2026-03-15T11:00:00.000Z");
    await markKeysUsed([
      { keyId: one.id, usedAt: early },
      { keyId: one.id, usedAt: late },
      { keyId: two.id, usedAt: early },
    ]);
    await markKeysUsed([{ keyId: one.id, usedAt: early }]);
    const rows = await db().apiKey.findMany({
      where: { id: { in: [one.id, two.id] } },
      orderBy: { name: "asc" },
    });
    expect(rows.map((r) => r.lastUsedAt?.toISOString())).toEqual([late.toISOString(), early.toISOString()]);
  });
});
