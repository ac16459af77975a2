import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInProcessApi } from "../support/in-process-api";
import { publishTestTenant } from "../support/published-tenant";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const ORIGIN = "https://app.example.com";
const LOOK_ALIKES = [
  "https://app.example.com.evil.com",
  "http://app.example.com",
  "https://app.example.com:8443",
  "https://evilapp.example.com",
  "https://аpp.example.com", // Cyrillic "а"
  "https://partner.io",
  "https://eu.partner.io.evil.com",
  "null",
];

describe("CORS in /v1/check and /v1/forward-auth", () => {
  const redis = new Redis(REDIS_URL);
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  let tenant: Awaited<ReturnType<typeof publishTestTenant>>;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    api = await startInProcessApi(REDIS_URL);
    tenant = await publishTestTenant(redis, { origins: [ORIGIN, "https://*.partner.io"] });
    cleanups.push(tenant.cleanup);
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await api.stop();
    redis.disconnect();
  });

  const check = (key: string, origin?: string, serviceToken = tenant.serviceToken) =>
    fetch(`${api.url}/v1/check`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${serviceToken}` },
      body: JSON.stringify({ key, ip: "198.51.100.20", method: "GET", path: "/api/items", origin }),
    }).then((r) => r.json());
  const forwardAuth = (key: string, origin: string, query = "") =>
    fetch(`${api.url}/v1/forward-auth${query}`, {
      headers: {
        authorization: `Bearer ${key}`,
        origin,
        "x-forwarded-method": "POST",
        "x-forwarded-uri": "/x",
      },
    });

  it("an allowed origin is echoed exactly, with Vary and credentials, never *", async () => {
    const { secret } = await tenant.addKey();
    for (const [sent, echoed] of [
      [ORIGIN, ORIGIN],
      ["HTTPS://App.Example.com:443", ORIGIN],
      ["https://eu.partner.io", "https://eu.partner.io"],
      ["https://a.b.partner.io", "https://a.b.partner.io"],
    ]) {
      const decision = await check(secret, sent);
      expect(decision, sent).toMatchObject({ allowed: true, status: 200 });
      expect(decision.headers).toMatchObject({
        "Access-Control-Allow-Origin": echoed,
        "Access-Control-Allow-Credentials": "true",
        Vary: "Origin",
      });
      expect(decision.headers["Access-Control-Expose-Headers"]).toMatch(/X-RateLimit-Remaining.*Retry-After/);
    }
  });

  it("a 429 to an allowed origin carries the CORS headers, so the browser can read Retry-After", async () => {
    const { secret } = await tenant.addKey({ perMinute: 1 });
    expect((await check(secret, ORIGIN)).status).toBe(200);
    const refused = await check(secret, ORIGIN);
    expect(refused).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED" });
    expect(refused.headers).toMatchObject({ "Access-Control-Allow-Origin": ORIGIN, Vary: "Origin" });
    expect(refused.headers["Retry-After"]).toBeTruthy();
  });

  it("unlisted and look-alike origins get 403 ORIGIN_NOT_ALLOWED and consume no quota", async () => {
    const { secret } = await tenant.addKey({ perMinute: 2 });
    for (const origin of LOOK_ALIKES) {
      const decision = await check(secret, origin);
      expect(decision, origin).toMatchObject({
        allowed: false,
        status: 403,
        code: "ORIGIN_NOT_ALLOWED",
        error: { code: "ORIGIN_NOT_ALLOWED", message: expect.any(String) },
        headers: { Vary: "Origin" },
      });
      expect(decision.headers["Access-Control-Allow-Origin"], origin).toBeUndefined();
    }
    // Eight refusals later the key still has its whole minute: 2 admitted, then 429.
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await check(secret)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("a tenant with no origins refuses every origin; requests without one are unchanged", async () => {
    const closed = await publishTestTenant(redis);
    cleanups.push(closed.cleanup);
    const { secret } = await closed.addKey();
    expect(await check(secret, ORIGIN, closed.serviceToken)).toMatchObject({ code: "ORIGIN_NOT_ALLOWED" });
    for (const t of [closed, tenant]) {
      const { secret: key } = await t.addKey();
      const response = await fetch(`${api.url}/v1/check`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${t.serviceToken}` },
        body: JSON.stringify({ key, ip: "198.51.100.21", method: "GET", path: "/x" }),
      });
      const decision = await response.json();
      expect(decision).toMatchObject({ allowed: true, status: 200 });
      expect(Object.keys(decision.headers).filter((h) => /^(access-control|vary)/i.test(h))).toEqual([]);
      expect(response.headers.get("vary")).toBeNull();
    }
  });

  it("forward-auth: an allowed origin gets 200 with the headers to add; others 403, in nginx mode too", async () => {
    const { secret } = await tenant.addKey();
    const allowed = await forwardAuth(secret, "https://eu.partner.io");
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://eu.partner.io");
    expect(allowed.headers.get("vary")).toBe("Origin");
    for (const query of ["", "?mode=nginx"]) {
      const refused = await forwardAuth(secret, "https://app.example.com.evil.com", query);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
      expect((await refused.json()).error.code).toBe("ORIGIN_NOT_ALLOWED");
    }
  });
});
