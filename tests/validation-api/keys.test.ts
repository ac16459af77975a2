import { describe, expect, it } from "vitest";
import { usePrivateRedisApi } from "../support/private-redis-api";
import { publishTestTenant } from "../support/published-tenant";
import { commandsProcessed, scriptCalls } from "../support/redis-stats";

describe("key checks", () => {
  const env = usePrivateRedisApi();

  it("a key with one character changed is refused without any Redis call", async () => {
    const tenant = await publishTestTenant(env.redis);
    const { secret } = await tenant.addKey();
    const check = (key: string) =>
      fetch(`${env.api.url}/v1/check`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tenant.serviceToken}` },
        body: JSON.stringify({ key, ip: "203.0.113.9", method: "GET", path: "/x" }),
      }).then((r) => r.json());
    expect((await check(secret)).status).toBe(200); // warms the service-token cache
    env.api.ctx.deps.cache.stop(); // no periodic version sweep inside the measured window
    await new Promise((r) => setTimeout(r, 50)); // let background refreshes settle
    const before = await commandsProcessed(env.redis);
    for (let i = 8; i < secret.length; i += 3) {
      const mangled = secret.slice(0, i) + (secret[i] === "Z" ? "Y" : "Z") + secret.slice(i + 1);
      expect((await check(mangled)).code).toBe("INVALID_KEY");
    }
    const after = await commandsProcessed(env.redis);
    expect(after - before).toBe(1); // only the first INFO
  });

  it("a made-up key with a valid checksum is throttled per source IP after repeated failures", async () => {
    const tenant = await publishTestTenant(env.redis);
    const { generateKey } = await import("@/lib/keys/key-format");
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const body = await fetch(`${env.api.url}/v1/check`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tenant.serviceToken}` },
        body: JSON.stringify({ key: generateKey(), ip: "203.0.113.77", method: "GET", path: "/x" }),
      }).then((r) => r.json());
      statuses.push(body.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("a key known to be exhausted is refused locally, without Redis, until it frees up", async () => {
    const tenant = await publishTestTenant(env.redis, { limits: { keyPerMinute: 2, keyBurst: 100 } });
    const { secret } = await tenant.addKey();
    const forward = () =>
      fetch(`${env.api.url}/v1/forward-auth`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await forward()).status).toBe(200);
    expect((await forward()).status).toBe(200);
    expect((await forward()).status).toBe(429); // Redis says so, and the process remembers until when
    await new Promise((r) => setTimeout(r, 50));
    const before = await scriptCalls(env.redis);
    const refused = await Promise.all(Array.from({ length: 10 }, () => forward()));
    expect(refused.map((r) => r.status)).toEqual(Array(10).fill(429));
    expect(refused.every((r) => Number(r.headers.get("retry-after")) >= 1)).toBe(true);
    expect((await scriptCalls(env.redis)) - before).toBe(0);
  });

  describe("a refusal by several limits is remembered per limit, each until it frees", () => {
    const report = {
      id: "report",
      method: "POST",
      pattern: "/report",
      cost: 8,
      perMinute: null,
      exempt: false,
    };
    const checker = (serviceToken: string) => async (key: string, method: string, path: string) => {
      const response = await fetch(`${env.api.url}/v1/check`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${serviceToken}` },
        body: JSON.stringify({ key, ip: "203.0.113.10", method, path }),
      });
      const body = await response.json();
      return { status: body.status as number, retryAfter: body.retryAfter as number | null };
    };

    it("a key's burst, refused with the pool, admits again when the burst frees", async () => {
      const tenant = await publishTestTenant(env.redis, {
        limits: { poolPointsPerMinute: 9, keyBurst: 2 },
        endpoints: [report],
      });
      const { secret } = await tenant.addKey();
      const check = checker(tenant.serviceToken);
      expect((await check(secret, "GET", "/items")).status).toBe(200);
      expect((await check(secret, "GET", "/items")).status).toBe(200);
      // 8 more points: the pool frees within a minute, the burst of 2 within a second.
      expect((await check(secret, "POST", "/report")).status).toBe(429);
      await new Promise((r) => setTimeout(r, 1_100));
      expect((await check(secret, "GET", "/items")).status).toBe(200); // the pool has room for 1
    });

    it("the pool, refused with one key's hour, holds the tenant's other keys for under a minute", async () => {
      const tenant = await publishTestTenant(env.redis, {
        limits: { poolPointsPerMinute: 8 },
        endpoints: [report],
      });
      const a = (await tenant.addKey({ perHour: 1 })).secret;
      const b = (await tenant.addKey()).secret;
      const check = checker(tenant.serviceToken);
      expect((await check(a, "GET", "/items")).status).toBe(200);
      const refused = await check(a, "POST", "/report"); // a's hour and the pool
      expect(refused.status).toBe(429);
      expect(refused.retryAfter).toBeGreaterThan(3_500);
      const other = await check(b, "POST", "/report"); // the pool alone
      expect(other.status).toBe(429);
      expect(other.retryAfter).toBeLessThanOrEqual(60);
    });
  });
});
