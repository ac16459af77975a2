import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashKey, hasValidChecksum, SERVICE_TOKEN_PREFIX } from "@/lib/keys/key-format";
import { compilePolicy } from "@/lib/policy/compile-policy";
import { loadPolicyRows } from "@/lib/policy/load-policy-rows";
import { DEMO_TENANT } from "@/lib/seed/demo-accounts";
import { describeSeed, runSeed, type SeedPlan } from "@/lib/seed/seed";
import { useRedisUrl } from "./support/shared-redis";

const plan: SeedPlan = {
  operator: { email: "seed-operator@sluice.test", password: "seed-test-password", generated: true },
  demo: true,
};

describe("seed", () => {
  let restoreRedis: () => Promise<void>;
  // As in `npm start`: the seed writes Postgres only; the worker publishes what it created.
  beforeAll(async () => {
    restoreRedis = await useRedisUrl(undefined);
  });
  afterAll(() => restoreRedis());

  it("creates the demo key and a service token once, and prints their secrets only then", async () => {
    // Other files may have left usable tokens: the seed only creates one when none is usable.
    await db().serviceToken.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });

    const first = await runSeed(plan);
    expect(first.demoApiKey && hasValidChecksum(first.demoApiKey)).toBe(true);
    expect(first.serviceToken && hasValidChecksum(first.serviceToken, SERVICE_TOKEN_PREFIX)).toBe(true);
    const printed = describeSeed(first).join("\n");
    expect(printed).toContain(first.demoApiKey);
    expect(printed).toContain(first.serviceToken);
    expect(printed).toContain("save it now");

    const tenant = await db().tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT.slug } });
    const key = await db().apiKey.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(key).toMatchObject({ name: "Demo integration", hash: hashKey(first.demoApiKey ?? "") });
    expect(await db().serviceToken.count({ where: { hash: hashKey(first.serviceToken ?? "") } })).toBe(1);
    expect(tenant.policyVersion).toBeGreaterThan(tenant.publishedVersion); // the worker will publish it

    const second = await runSeed(plan);
    expect(second).toMatchObject({ demoAdded: [], demoApiKey: null, serviceToken: null });
    const again = describeSeed(second).join("\n");
    expect(again).not.toContain(first.demoApiKey);
    expect(again).not.toContain(first.serviceToken);
    expect(await db().apiKey.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("puts the demo tenant on the Developer plan with the documented endpoint rules", async () => {
    const tenant = await db().tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT.slug } });
    const rows = await loadPolicyRows(tenant.id, new Date());
    if (!rows) throw new Error("demo tenant missing");
    const policy = compilePolicy(rows, Date.now());
    expect(policy.limits).toMatchObject({ keyPerMinute: 60, keyPerHour: 1000, keyBurst: 10 });
    expect(
      policy.endpoints.map(({ method, pattern, cost, perMinute, exempt }) => ({
        method,
        pattern,
        cost,
        perMinute,
        exempt,
      })),
    ).toEqual([
      { method: "GET", pattern: "/api/v1/compliance/audit", cost: 3, perMinute: 10, exempt: false },
      { method: "POST", pattern: "/api/v1/reports/generate", cost: 8, perMinute: 5, exempt: false },
      { method: "POST", pattern: "/api/v1/threats/scan", cost: 5, perMinute: 20, exempt: false },
      { method: "GET", pattern: "/api/v1/webhooks", cost: 1, perMinute: null, exempt: true },
      { method: "POST", pattern: "/api/v1/webhooks", cost: 1, perMinute: null, exempt: true },
    ]);
  });
});
