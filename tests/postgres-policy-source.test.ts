import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOrigin } from "@/lib/cors/add-origin";
import { originIndexEntries } from "@/lib/cors/origin-index-entries";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { hashKey } from "@/lib/keys/key-format";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { createServiceToken, revokeServiceToken } from "@/lib/keys/service-tokens";
import type { PolicyChange } from "@/lib/policy/policy.types";
import { PostgresPolicySource } from "@/lib/policy/postgres-policy-source";
import { MANAGERS, resolveTenant, type TenantContext } from "@/lib/tenancy/resolve-tenant";
import { as, createTenantWithOwner } from "./support/factories";
import { useRedisUrl } from "./support/shared-redis";

describe("Postgres policy source (embedded mode without Redis)", () => {
  const source = new PostgresPolicySource();
  let restoreRedis: () => Promise<void>;
  let ctx: TenantContext;

  beforeAll(async () => {
    restoreRedis = await useRedisUrl(undefined); // no Redis at all: nothing is published
    const { owner, tenant } = await createTenantWithOwner("pg-source");
    ctx = await as(owner.id, () => resolveTenant(tenant.slug, MANAGERS));
  });

  afterAll(async () => {
    await source.close();
    await restoreRedis();
  });

  it("reads compiled policies, key records, versions and service tokens from Postgres", async () => {
    const { key, secret } = await createApiKey(ctx, { name: "Embedded", burst: 4 });
    const { policyVersion } = await db().tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id } });
    expect(await source.getKeyRecord(hashKey(secret))).toMatchObject({
      keyId: key.id,
      burst: 4,
      revokedAt: null,
    });
    expect(await source.getKeyRecord(hashKey("sk_live_unknown"))).toBeNull();
    expect(await source.getPolicy(ctx.tenant.id)).toMatchObject({
      tenantId: ctx.tenant.id,
      version: policyVersion,
    });
    expect(await source.getPolicyVersions([ctx.tenant.id, "no-such-tenant"])).toEqual([policyVersion, null]);

    const token = await createServiceToken("Embedded gateway");
    expect(await source.getServiceToken(hashKey(token.secret))).toEqual({
      id: token.token.id,
      name: "Embedded gateway",
    });
    await revokeServiceToken(token.token.id);
    expect(await source.getServiceToken(hashKey(token.secret))).toBeNull();
  });

  it("finds preflight tenants by whitelist entry and by slug, only while they list origins", async () => {
    expect(await source.getTenantIdBySlug(ctx.tenant.slug)).toBeNull();
    const { origin } = await addOrigin(ctx, { origin: "https://*.embedded.example.com" });
    const entries = originIndexEntries("https://eu.embedded.example.com");
    expect(await source.getTenantIdsListingOrigins(entries)).toContain(ctx.tenant.id);
    expect(await source.getTenantIdsListingOrigins(["https://embedded.example.com"])).not.toContain(
      ctx.tenant.id,
    );
    expect(await source.getTenantIdBySlug(ctx.tenant.slug)).toBe(ctx.tenant.id);
    expect(origin).toBe("https://*.embedded.example.com");
  });

  it("announces a changed tenant and its keys by polling versions", async () => {
    const { key } = await createApiKey(ctx, { name: "Polled" });
    const changes: PolicyChange[] = [];
    source.onChange((change) => changes.push(change));
    await new Promise((r) => setTimeout(r, 300)); // first poll: learns the versions, announces nothing
    expect(changes).toEqual([]);

    await revokeApiKey(ctx, key.id);
    const { policyVersion } = await db().tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id } });
    const deadline = Date.now() + 3000;
    while (changes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(changes).toContainEqual({ kind: "tenant", tenantId: ctx.tenant.id, version: policyVersion });
    expect(changes).toContainEqual({ kind: "key", hash: key.hash });
  });
});
