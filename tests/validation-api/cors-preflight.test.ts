import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOrigin } from "@/lib/cors/add-origin";
import { removeOrigin } from "@/lib/cors/remove-origin";
import { db } from "@/lib/db";
import { MANAGERS, resolveTenant, type TenantContext } from "@/lib/tenancy/resolve-tenant";
import { as, unique } from "../support/factories";
import { startInProcessApi } from "../support/in-process-api";
import { publishTestTenant } from "../support/published-tenant";
import { LOCAL_REDIS_URL, type SeededEnforcement, seedEnforcement } from "../support/seed-enforcement";

const REDIS_URL = process.env.TEST_REDIS_URL ?? LOCAL_REDIS_URL;
const VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

/** A tenant made and published by the real services, with a context to change its origins. */
async function seededWithContext(): Promise<SeededEnforcement & { ctx: TenantContext }> {
  const seeded = await seedEnforcement({ label: "cors" });
  const owner = await db().membership.findFirstOrThrow({ where: { tenantId: seeded.tenant.id } });
  const ctx = await as(owner.userId, () => resolveTenant(seeded.tenant.slug, MANAGERS));
  return { ...seeded, ctx };
}

describe("CORS preflight through /v1/forward-auth", () => {
  const redis = new Redis(REDIS_URL);
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    process.env.REDIS_URL ??= REDIS_URL;
    api = await startInProcessApi(REDIS_URL);
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await api.stop();
    redis.disconnect();
  });

  const preflight = (origin: string, query = "", extra: Record<string, string> = {}) =>
    fetch(`${api.url}/v1/forward-auth${query}`, {
      headers: {
        origin,
        "x-forwarded-method": "OPTIONS",
        "x-forwarded-uri": "/api/items/42",
        "access-control-request-method": "PUT",
        ...extra,
      },
    });
  const checkWithOrigin = (seeded: SeededEnforcement, origin: string) =>
    fetch(`${api.url}/v1/check`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${seeded.serviceToken}` },
      body: JSON.stringify({ key: seeded.key, ip: "198.51.100.30", method: "PUT", path: "/x", origin }),
    }).then((r) => r.json());

  it("?tenant=<id>: 204 with the exact origin, the requested method and headers; consumes nothing", async () => {
    const origin = `https://${unique("spa")}.example.com`;
    const tenant = await publishTestTenant(redis, { origins: [origin] });
    cleanups.push(tenant.cleanup);
    const allowed = await preflight(origin, `?tenant=${tenant.tenantId}`, {
      "access-control-request-headers": "authorization, x-request-id",
    });
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(allowed.headers)).toMatchObject({
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "PUT",
      "access-control-allow-headers": "authorization, x-request-id",
      "access-control-allow-credentials": "true",
      "access-control-max-age": "600",
      vary: VARY,
    });
    const plain = await preflight(origin, `?tenant=${tenant.tenantId}&mode=nginx`);
    expect(plain.status).toBe(204);
    expect(plain.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
    for (const refusedOrigin of [`${origin}.evil.com`, origin.replace("https", "http"), "null"]) {
      const refused = await preflight(refusedOrigin, `?tenant=${tenant.tenantId}`);
      expect(refused.status, refusedOrigin).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
      expect((await refused.json()).error.code).toBe("ORIGIN_NOT_ALLOWED");
    }
    expect((await preflight(origin, "?tenant=t_nobody")).status).toBe(403);
    expect((await preflight(origin, "?tenant=bad%20ref")).status).toBe(400);
    expect(await redis.keys(`{${tenant.tenantId}}:*`)).toEqual([]); // no counter was touched
  });

  it("without ?tenant= the published origin index finds the tenant; by slug too; others get 403", async () => {
    const seeded = await seededWithContext();
    cleanups.push(seeded.cleanup);
    const exact = `https://${unique("shop")}.example.com`;
    const domain = `${unique("cdn")}.example.org`;
    await addOrigin(seeded.ctx, { origin: exact });
    await addOrigin(seeded.ctx, { origin: `https://*.${domain}` });
    expect((await preflight(exact)).status).toBe(204);
    expect((await preflight(`https://eu.assets.${domain}`)).headers.get("access-control-allow-origin")).toBe(
      `https://eu.assets.${domain}`,
    );
    expect((await preflight(exact, `?tenant=${seeded.tenant.slug}`)).status).toBe(204);
    const refused = await preflight(`https://${domain}`, "?mode=nginx");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("vary")).toBe(VARY);
    expect((await preflight(`https://${unique("nobody")}.example.com`)).status).toBe(403);
    expect((await preflight(`${exact}.evil.com`)).status).toBe(403);
  });

  it("an origin added through the dashboard service is honoured within 2 s, and a removed one refused", async () => {
    const seeded = await seededWithContext();
    cleanups.push(seeded.cleanup);
    const origin = `https://${unique("new")}.example.com`;
    // Warm every cache first: the policy (refused origin) and the preflight index (no tenant).
    expect(await checkWithOrigin(seeded, origin)).toMatchObject({ code: "ORIGIN_NOT_ALLOWED" });
    expect((await preflight(origin)).status).toBe(403);

    const added = Date.now();
    const row = await addOrigin(seeded.ctx, { origin });
    await waitUntil(async () => (await checkWithOrigin(seeded, origin)).status === 200, added);
    await waitUntil(async () => (await preflight(origin)).status === 204, added);
    expect((await checkWithOrigin(seeded, origin)).headers["Access-Control-Allow-Origin"]).toBe(origin);

    const removed = Date.now();
    await removeOrigin(seeded.ctx, row.id);
    await waitUntil(async () => (await checkWithOrigin(seeded, origin)).status === 403, removed);
    await waitUntil(async () => (await preflight(origin)).status === 403, removed);
  });
});

/** Polls until `done`, failing when 2 s have passed since `since`. */
async function waitUntil(done: () => Promise<boolean>, since: number) {
  while (!(await done())) {
    if (Date.now() - since > 2_000) throw new Error("not enforced within 2 s");
    await new Promise((r) => setTimeout(r, 25));
  }
}
