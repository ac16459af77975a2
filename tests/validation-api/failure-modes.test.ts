import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivateRedis } from "../support/private-redis";
import { publishTestTenant } from "../support/published-tenant";
import { startValidationApi, type ValidationApi } from "../support/validation-api-process";

async function timedCheck(api: ValidationApi, token: string, key: string) {
  const started = performance.now();
  const response = await fetch(`${api.url}/v1/check`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ key, ip: "192.0.2.1", method: "GET", path: "/api/items" }),
  });
  const body = await response.json();
  return {
    ms: performance.now() - started,
    status: body.status as number,
    degraded: (body.headers?.["X-Sluice-Degraded"] as string | undefined) ?? null,
    body,
  };
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not recovered within ${timeoutMs} ms`);
}

describe("when Redis fails", () => {
  let redisServer: Awaited<ReturnType<typeof startPrivateRedis>>;
  let redis: Redis;
  let api: ValidationApi;
  let open: Awaited<ReturnType<typeof publishTestTenant>>;
  let closed: Awaited<ReturnType<typeof publishTestTenant>>;
  let openKey: string;
  let closedKey: string;

  const publishAll = async () => {
    open = await publishTestTenant(redis, {
      failureMode: "OPEN",
      limits: { keyPerMinute: 10_000, keyBurst: 10_000 },
    });
    closed = await publishTestTenant(redis, {
      failureMode: "CLOSED",
      limits: { keyPerMinute: 10_000, keyBurst: 10_000 },
    });
    openKey = (await open.addKey()).secret;
    closedKey = (await closed.addKey()).secret;
  };

  beforeAll(async () => {
    redisServer = await startPrivateRedis();
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    redis.on("error", () => {});
    // The API in a process of its own, as in production: what is timed is not this process's work.
    api = await startValidationApi({ env: { REDIS_URL: redisServer.url, VALIDATION_PROCESSES: "2" } });
    await publishAll();
  });
  afterAll(async () => {
    await api.stop();
    redis.disconnect();
    await redisServer.stop();
  });

  it("killed (SIGKILL): fail-open decides locally, fail-closed answers 503, nobody waits over 250 ms; recovery within 5 s", async () => {
    expect((await timedCheck(api, open.serviceToken, openKey)).status).toBe(200);
    expect((await timedCheck(api, closed.serviceToken, closedKey)).status).toBe(200);
    redisServer.signal("SIGKILL");
    const during = await Promise.all(
      Array.from({ length: 40 }, (_, i) => timedCheck(api, open.serviceToken, i % 2 ? openKey : closedKey)),
    );
    for (const [i, result] of during.entries()) {
      expect(result.ms).toBeLessThan(250);
      if (i % 2)
        expect(result).toMatchObject({ status: 200, degraded: expect.stringContaining("fail-open") });
      else expect(result).toMatchObject({ status: 503, body: { code: "SERVICE_UNAVAILABLE" } });
    }
    await redisServer.restart();
    await publishAll(); // an empty Redis after a restart: the worker republishes (its own test covers that)
    const recoveredIn = await waitUntil(async () => {
      const result = await timedCheck(api, open.serviceToken, openKey);
      return result.status === 200 && result.degraded === null;
    }, 5_000);
    expect(recoveredIn).toBeLessThan(5_000);
  });

  it("frozen (SIGSTOP) under load: answers within 250 ms from the local limiter, recovers after SIGCONT", async () => {
    // 60 checks at once first, all answered by Redis: the client's 60 connections are then open
    // and kept alive, so what is timed below is the API, not connection setup in this process.
    const warm = await Promise.all(
      Array.from({ length: 60 }, () => timedCheck(api, open.serviceToken, openKey)),
    );
    expect(warm.every((r) => r.degraded === null)).toBe(true);
    redisServer.signal("SIGSTOP");
    try {
      const during = await Promise.all(
        Array.from({ length: 60 }, () => timedCheck(api, open.serviceToken, openKey)),
      );
      for (const result of during) {
        expect(result.ms).toBeLessThan(250);
        expect(result.status).toBe(200);
      }
      expect(during.some((r) => r.degraded)).toBe(true);
    } finally {
      redisServer.signal("SIGCONT");
    }
    await waitUntil(async () => (await timedCheck(api, open.serviceToken, openKey)).degraded === null, 5_000);
  });

  it("the fail-open limiter gives each of n processes 1/n of the limit; its refusals end with the outage", async () => {
    // From a Redis that answers, whatever the test before left behind.
    await waitUntil(async () => (await timedCheck(api, open.serviceToken, openKey)).degraded === null, 5_000);
    const tenant = await publishTestTenant(redis, {
      failureMode: "OPEN",
      limits: { keyPerMinute: 10, keyBurst: 100 },
    });
    const { secret } = await tenant.addKey();
    expect((await timedCheck(api, tenant.serviceToken, secret)).status).toBe(200); // warms the caches
    redisServer.signal("SIGSTOP");
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 8; i++) statuses.push((await timedCheck(api, tenant.serviceToken, secret)).status);
    } finally {
      redisServer.signal("SIGCONT");
    }
    // VALIDATION_PROCESSES=2: 10 per minute becomes 5 locally.
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Back on Redis, which counted one unit of ten: the local limiter's refusals end with the outage.
    await waitUntil(async () => (await timedCheck(api, tenant.serviceToken, secret)).status === 200, 5_000);
  });
});
