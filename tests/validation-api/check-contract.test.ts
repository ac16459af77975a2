import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInProcessApi } from "../support/in-process-api";
import { publishTestTenant } from "../support/published-tenant";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const RATE_HEADERS = [
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "x-ratelimit-window",
  "ratelimit",
  "ratelimit-policy",
];

describe("POST /v1/check contract", () => {
  const redis = new Redis(REDIS_URL);
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  let tenant: Awaited<ReturnType<typeof publishTestTenant>>;

  beforeAll(async () => {
    api = await startInProcessApi(REDIS_URL);
    tenant = await publishTestTenant(redis, {
      limits: { keyPerMinute: 3, keyBurst: 100 },
      endpoints: [
        { id: "r1", method: "POST", pattern: "/api/reports", cost: 8, perMinute: null, exempt: false },
      ],
    });
  });
  afterAll(async () => {
    await tenant.cleanup();
    await api.stop();
    redis.disconnect();
  });

  const check = (body: unknown, token: string | null = tenant.serviceToken) =>
    fetch(`${api.url}/v1/check`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const request = (key: string, extra: Record<string, string> = {}) => ({
    key,
    ip: "198.51.100.4",
    method: "GET",
    path: "/api/items",
    ...extra,
  });

  it("200: allowed, with the decision, its headers and the cost", async () => {
    const { secret, record } = await tenant.addKey();
    const response = await check(request(secret, { method: "POST", path: "/api/reports" }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      allowed: true,
      status: 200,
      code: null,
      tenantId: tenant.tenantId,
      keyId: record.keyId,
      cost: 8,
      error: null,
      retryAfter: null,
    });
    expect(body.limit).toMatchObject({
      name: expect.any(String),
      limit: expect.any(Number),
      window: expect.stringMatching(/^sliding_\d+s$/),
    });
    for (const name of RATE_HEADERS)
      expect(response.headers.get(name), `${name} is in the body, not on /v1/check itself`).toBeNull();
    expect(Object.keys(body.headers)).toEqual(
      expect.arrayContaining(["X-RateLimit-Limit", "X-RateLimit-Remaining", "RateLimit", "RateLimit-Policy"]),
    );
  });

  it("429: refused with Retry-After, the binding limit, the 80 % warning and the error envelope", async () => {
    const { secret } = await tenant.addKey();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await (await check(request(secret))).json());
    expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200, 429]);
    expect(outcomes[2].headers.Warning).toBe('299 - "Rate Limit" "100% of quota consumed"');
    const refused = outcomes[3];
    expect(refused).toMatchObject({
      allowed: false,
      code: "RATE_LIMIT_EXCEEDED",
      limit: { name: "key_minute", limit: 3, remaining: 0, window: "sliding_60s" },
    });
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.headers["Retry-After"]).toBe(String(refused.retryAfter));
    expect(refused.error).toMatchObject({
      code: "RATE_LIMIT_EXCEEDED",
      message: `Request quota exhausted. Retry after ${refused.retryAfter} s.`,
      retry_after: refused.retryAfter,
      quota_reset_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      limit: "key_minute",
    });
  });

  it("a refusal known in process (no Redis call) answers like the one Redis decided", async () => {
    const { secret } = await tenant.addKey();
    for (let i = 0; i < 3; i++) await check(request(secret));
    const fromRedis = await (await check(request(secret))).json();
    const local = await (await check(request(secret))).json();
    expect(local).toEqual({
      ...fromRedis,
      retryAfter: expect.any(Number),
      headers: {
        ...fromRedis.headers,
        "Retry-After": String(local.retryAfter),
        RateLimit: `"key_minute";r=0;t=${local.retryAfter}`,
      },
      error: { ...fromRedis.error, message: expect.any(String), retry_after: local.retryAfter },
    });
    expect(Math.abs(local.retryAfter - fromRedis.retryAfter)).toBeLessThanOrEqual(1);
    expect(local.error.message).toBe(`Request quota exhausted. Retry after ${local.retryAfter} s.`);
  });

  it("401: invalid, revoked and expired keys each say why", async () => {
    const { secret, record } = await tenant.addKey();
    const mangled = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expect((await (await check(request(mangled))).json()).error.code).toBe("INVALID_KEY");
    await tenant.updateKey(secret, { ...record, revokedAt: Date.now() - 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(await (await check(request(secret))).json()).toMatchObject({ status: 401, code: "KEY_REVOKED" });
    const expired = await tenant.addKey({ expiresAt: Date.now() - 1 });
    expect(await (await check(request(expired.secret))).json()).toMatchObject({
      status: 401,
      code: "KEY_EXPIRED",
      error: { code: "KEY_EXPIRED" },
    });
  });

  it("400 names the bad field; 413 for bodies over 16 KiB; 401 without a service token", async () => {
    const { secret } = await tenant.addKey();
    const missingIp = await check({ key: secret, method: "GET", path: "/x" });
    expect(missingIp.status).toBe(400);
    expect((await missingIp.json()).error).toMatchObject({
      code: "BAD_REQUEST",
      field: "ip",
      message: "ip: is required",
    });
    for (const ip of ["999.1.2.3", "1.2.3", "::g", "fe80::1::2"]) {
      expect((await (await check(request(secret, { ip }))).json()).error).toMatchObject({
        field: "ip",
        message: "ip: must be the client's IPv4 or IPv6 address",
      });
    }
    expect((await check(request(secret, { ip: "2001:db8::7" }))).status).toBe(200);
    expect((await (await check(request(secret, { method: "get" }))).json()).error).toMatchObject({
      field: "method",
      message: "method: must be an upper-case HTTP method",
    });
    expect((await (await check(request(secret, { path: "no-slash" }))).json()).error.field).toBe("path");
    expect((await (await check("{not json")).json()).error).toMatchObject({
      code: "BAD_REQUEST",
      field: "body",
    });
    expect((await check({ ...request(secret), pad: "x".repeat(17 * 1024) })).status).toBe(413);
    expect((await check(request(secret), null)).status).toBe(401);
    expect((await check(request(secret), `${tenant.serviceToken.slice(0, -1)}x`)).status).toBe(401);
  });

  it("an exempt endpoint is never refused and costs nothing", async () => {
    await tenant.update({
      endpoints: [{ id: "wh", method: "*", pattern: "/webhooks/*", cost: 1, perMinute: null, exempt: true }],
    });
    await new Promise((r) => setTimeout(r, 100));
    const { secret } = await tenant.addKey({ perMinute: 1 });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await (await check(request(secret, { path: "/webhooks/stripe" }))).json()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect((await (await check(request(secret))).json()).status).toBe(200);
  });

  it("a suspended tenant's keys are answered 403", async () => {
    const { secret } = await tenant.addKey();
    await tenant.update({ status: "SUSPENDED" });
    await new Promise((r) => setTimeout(r, 100));
    expect(await (await check(request(secret))).json()).toMatchObject({
      status: 403,
      code: "TENANT_SUSPENDED",
    });
    await tenant.update({ status: "ACTIVE" });
  });
});
