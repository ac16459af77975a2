import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOriginAction, removeOriginAction } from "@/app/t/[slug]/cors/actions";
import { addOrigin } from "@/lib/cors/add-origin";
import { listOrigins } from "@/lib/cors/list-origins";
import { MAX_ORIGINS_PER_TENANT } from "@/lib/cors/origin.types";
import { removeOrigin } from "@/lib/cors/remove-origin";
import { db } from "@/lib/db";
import type { PolicySnapshot } from "@/lib/policy/policy.types";
import { corsOriginKey, corsTenantSlugKey, policyKey } from "@/lib/policy/redis-keys";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import {
  addMember,
  as,
  auditCount,
  createTenantWithOwner,
  form,
  ownerContext,
  refusal,
  unique,
} from "./support/factories";
import { forgetPublished, SHARED_REDIS_URL, testRedis, useRedisUrl } from "./support/shared-redis";

describe("CORS origins", () => {
  let reader: Redis;
  let restoreRedis: () => Promise<void>;
  let a: TenantContext;
  let b: TenantContext;
  const site = () => `https://${unique("app")}.example.com`;
  const published = async (tenantId: string) =>
    JSON.parse((await reader.get(policyKey(tenantId))) ?? "null") as PolicySnapshot | null;

  beforeAll(async () => {
    restoreRedis = await useRedisUrl(SHARED_REDIS_URL);
    reader = testRedis();
    a = await ownerContext("cors-a");
    b = await ownerContext("cors-b");
  });

  afterAll(async () => {
    await forgetPublished(reader);
    reader.disconnect();
    await restoreRedis();
  });

  it.each([
    ["https://app.example.com/path", "no path"],
    ["*", "lone \\*"],
    ["null", "null"],
    ["app.example.com", "Start with http"],
    ["ftp://files.example.com", "Only http and https"],
    ["https://*.com", "registered domain"],
    ["", "Enter an origin"],
  ])(
    "refuses %j as BAD_REQUEST on the origin field, saying why, and changes nothing",
    async (origin, why) => {
      const before = await auditCount(a.tenant.id);
      const error = await refusal(addOrigin(a, { origin }));
      expect(error).toMatchObject({ code: "BAD_REQUEST", field: "origin" });
      expect(error.message).toMatch(new RegExp(why, "i"));
      expect(await auditCount(a.tenant.id)).toBe(before);
      expect(await db().allowedOrigin.count({ where: { tenantId: a.tenant.id, origin } })).toBe(0);
    },
  );

  it("adds a normalized entry with one audit event, a policy version, a published snapshot and index", async () => {
    const origin = site();
    const before = await db().tenant.findUniqueOrThrow({ where: { id: a.tenant.id } });
    const auditBefore = await auditCount(a.tenant.id);
    const row = await addOrigin(a, { origin: `  ${origin.toUpperCase()}:443 ` });
    expect(row.origin).toBe(origin);
    expect(await auditCount(a.tenant.id)).toBe(auditBefore + 1);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { tenantId: a.tenant.id, targetId: row.id },
    });
    expect(event).toMatchObject({ action: "cors.origin_add", actorId: a.user.id, after: { origin } });
    const after = await db().tenant.findUniqueOrThrow({ where: { id: a.tenant.id } });
    expect(after.policyVersion).toBe(before.policyVersion + 1);
    expect(after.publishedVersion).toBe(after.policyVersion);
    expect((await published(a.tenant.id))?.origins).toContain(origin);
    expect(await reader.smembers(corsOriginKey(origin))).toEqual([a.tenant.id]);
    expect(await reader.get(corsTenantSlugKey(a.tenant.slug))).toBe(a.tenant.id);
    expect((await listOrigins(a)).find((o) => o.id === row.id)).toMatchObject({
      kind: "exact",
      createdBy: a.user.email,
    });
  });

  it("refuses the same origin twice, however it is typed, as CONFLICT on the origin field", async () => {
    const origin = site();
    await addOrigin(a, { origin });
    const auditBefore = await auditCount(a.tenant.id);
    const error = await refusal(addOrigin(a, { origin: `${origin.replace("https", "HTTPS")}:443` }));
    expect(error).toMatchObject({ code: "CONFLICT", field: "origin" });
    expect(error.message).toBe(`${origin} is already on the list`);
    expect(await auditCount(a.tenant.id)).toBe(auditBefore);
    // The same origin in another tenant is that tenant's business.
    await expect(addOrigin(b, { origin })).resolves.toMatchObject({ origin });
    expect((await reader.smembers(corsOriginKey(origin))).sort()).toEqual([a.tenant.id, b.tenant.id].sort());
  });

  it("removes with one audit event naming the origin, and drops it from the published index", async () => {
    const ctx = await ownerContext("cors-remove");
    const wildcard = `https://*.${unique("partner")}.io`;
    const row = await addOrigin(ctx, { origin: wildcard });
    expect((await listOrigins(ctx))[0]).toMatchObject({ origin: wildcard, kind: "wildcard" });
    expect(await reader.smembers(corsOriginKey(wildcard))).toEqual([ctx.tenant.id]);
    const auditBefore = await auditCount(ctx.tenant.id);
    await removeOrigin(ctx, row.id);
    expect(await auditCount(ctx.tenant.id)).toBe(auditBefore + 1);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { tenantId: ctx.tenant.id, action: "cors.origin_remove" },
    });
    expect(event).toMatchObject({ targetId: row.id, before: { origin: wildcard } });
    expect((await published(ctx.tenant.id))?.origins).toEqual([]);
    expect(await reader.exists(corsOriginKey(wildcard), corsTenantSlugKey(ctx.tenant.slug))).toBe(0);
  });

  it("another tenant's origin id is not found, and nothing changes", async () => {
    const row = await addOrigin(a, { origin: site() });
    const auditBefore = await auditCount(a.tenant.id);
    const versionBefore = (await db().tenant.findUniqueOrThrow({ where: { id: a.tenant.id } })).policyVersion;
    expect(await refusal(removeOrigin(b, row.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().allowedOrigin.findUnique({ where: { id: row.id } })).toEqual(row);
    expect(await auditCount(a.tenant.id)).toBe(auditBefore);
    expect((await db().tenant.findUniqueOrThrow({ where: { id: a.tenant.id } })).policyVersion).toBe(
      versionBefore,
    );
  });

  it(`refuses more than ${MAX_ORIGINS_PER_TENANT} entries, on the origin field`, async () => {
    const ctx = await ownerContext("cors-full");
    await db().allowedOrigin.createMany({
      data: Array.from({ length: MAX_ORIGINS_PER_TENANT }, (_, i) => ({
        tenantId: ctx.tenant.id,
        origin: `https://app${i}.example.com`,
      })),
    });
    expect(await refusal(addOrigin(ctx, { origin: site() }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "origin",
    });
  });

  it("the form action keeps the typed value and puts the reason beside the field; viewers are refused", async () => {
    const { owner, tenant } = await createTenantWithOwner("cors-form");
    const typed = "https://app.example.com/callback";
    const state = await as(owner.id, () =>
      addOriginAction(undefined, form({ tenant: tenant.slug, origin: typed })),
    );
    expect(state).toMatchObject({ ok: false, code: "BAD_REQUEST", values: { origin: typed } });
    expect(state.fieldErrors?.origin).toMatch(/no path/i);
    const added = await as(owner.id, () =>
      addOriginAction(undefined, form({ tenant: tenant.slug, origin: "https://app.example.com" })),
    );
    expect(added).toMatchObject({ ok: true, message: "https://app.example.com added" });

    const viewer = await addMember(tenant.id, "VIEWER");
    const originId = added.data?.originId ?? "";
    const attempts = await Promise.all([
      as(viewer.user.id, () => addOriginAction(undefined, form({ tenant: tenant.slug, origin: site() }))),
      as(viewer.user.id, () => removeOriginAction(undefined, form({ tenant: tenant.slug, originId }))),
    ]);
    expect(attempts.map((s) => s.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(await db().allowedOrigin.count({ where: { tenantId: tenant.id } })).toBe(1);
  });
});
