import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { generateKey } from "@/lib/keys/key-format";
import { closeRedis } from "@/lib/redis";
import { unique } from "../../support/factories";
import { freePort } from "../../support/private-redis";
import {
  LOCAL_REDIS_URL,
  type SeedEnforcementOptions,
  seedEnforcement,
} from "../../support/seed-enforcement";
import { startValidationApi, type ValidationApi } from "../../support/validation-api-process";
import { launchBrowser, openPageOnOrigin } from "./browser-page";
import { type DemoUpstream, startDemoUpstream } from "./demo-upstream";
import type { Gateway, StartGateway } from "./gateway-process";

type ErrorBody = { error: { code: string; retry_after?: number; limit?: string } };

/**
 * What an integrator sees through a gateway wired to Sluice: the app's 200 with rate-limit
 * headers, then a standard 429, and 401 for a bad key. The same contract for every gateway.
 */
export function describeGatewayContract(name: string, startGateway: StartGateway) {
  describe(`${name} in front of an app, asking Sluice`, () => {
    let api: ValidationApi | undefined;
    let app: DemoUpstream;
    let gateway: Gateway | undefined;
    const cleanups: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      app = await startDemoUpstream();
      api = await startValidationApi({ env: { REDIS_URL: process.env.REDIS_URL ?? LOCAL_REDIS_URL } });
      gateway = await startGateway({
        gatewayPort: await freePort(),
        sluicePort: api.port,
        appPort: app.port,
      });
    }, 60_000);

    afterAll(async () => {
      await gateway?.stop();
      await api?.stop();
      await app?.stop();
      for (const cleanup of cleanups) await cleanup();
      await closeRedis();
      await disconnectDb();
    });

    const seed = async (options: SeedEnforcementOptions) => {
      const seeded = await seedEnforcement({ label: name, ...options });
      cleanups.push(seeded.cleanup);
      return seeded.key;
    };
    const call = (
      key: string | null,
      pathAndQuery: string,
      method = "GET",
      headers: Record<string, string> = {},
    ) =>
      fetch(`${gateway?.url}${pathAndQuery}`, {
        method,
        headers: key ? { ...headers, authorization: `Bearer ${key}` } : headers,
        body: method === "GET" ? undefined : JSON.stringify({ report: "weekly" }),
      });
    const preflight = (origin: string, pathAndQuery: string) =>
      fetch(`${gateway?.url}${pathAndQuery}`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
    const reachedApp = (key: string) => app.seen.filter((r) => r.headers.authorization === `Bearer ${key}`);

    it("admits a key up to its limit with X-RateLimit-* headers, then answers a standard 429", async () => {
      const key = await seed({ limits: { keyPerMinute: 5 } });
      for (let i = 0; i < 5; i++) {
        const response = await call(key, `/v1/items?page=${i}`);
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ ok: true, url: `/v1/items?page=${i}` });
        expect(response.headers.get("x-ratelimit-limit")).toBe("5");
        expect(response.headers.get("x-ratelimit-remaining")).toBe(String(4 - i));
        expect(response.headers.get("x-ratelimit-window")).toBe("sliding_60s");
        expect(response.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
      }

      const refused = await call(key, "/v1/items?page=5");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
      const retryAfter = refused.headers.get("retry-after") ?? "";
      expect(retryAfter).toMatch(/^\d+$/); // whole seconds
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      expect(refused.headers.get("x-ratelimit-limit")).toBe("5");
      expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(refused.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(
        Math.floor(Date.now() / 1000),
      );
      expect(refused.headers.get("x-ratelimit-window")).toBe("sliding_60s");
      const body = (await refused.json()) as ErrorBody;
      expect(body.error).toMatchObject({
        code: "RATE_LIMIT_EXCEEDED",
        retry_after: Number(retryAfter),
        limit: "key_minute",
      });
      expect(reachedApp(key)).toHaveLength(5);
    });

    it("answers 401 with the JSON error for a wrong or missing key, and the app never sees it", async () => {
      // A mistyped key (its checksum fails): refused before any lookup, by this process alone,
      // so other tests' failed keys from 127.0.0.1 on the shared Redis cannot turn it into a 429.
      const valid = generateKey();
      const wrong = `${valid.slice(0, -1)}${valid.endsWith("a") ? "b" : "a"}`;
      for (const key of [wrong, null]) {
        const response = await call(key, "/v1/items");
        expect(response.status).toBe(401);
        expect(((await response.json()) as ErrorBody).error.code).toBe("INVALID_KEY");
      }
      expect(reachedApp(wrong)).toHaveLength(0);
    });

    it("passes the request's method and URI to Sluice, so endpoint rules apply", async () => {
      const key = await seed({
        limits: { keyPerMinute: 5 },
        endpointRules: [{ method: "POST", pathPattern: "/v1/reports/:id", cost: 1, perMinute: 1 }],
      });
      const first = await call(key, "/v1/reports/42?format=csv", "POST");
      expect(first.status).toBe(200);
      expect(reachedApp(key).at(-1)).toMatchObject({ method: "POST", url: "/v1/reports/42?format=csv" });

      const second = await call(key, "/v1/reports/42?format=csv", "POST");
      expect(second.status).toBe(429);
      expect(((await second.json()) as ErrorBody).error).toMatchObject({
        code: "RATE_LIMIT_EXCEEDED",
        limit: "endpoint",
      });
      // The rule is for POST only: a GET of the same path is still admitted.
      expect((await call(key, "/v1/reports/42")).status).toBe(200);
      expect(reachedApp(key)).toHaveLength(2);
    });

    it("answers a browser's preflight with Sluice's CORS answer, without the app", async () => {
      const origin = `https://${unique("spa")}.example.com`;
      await seed({ origins: [origin] });
      const before = app.seen.length;
      const allowed = await preflight(origin, "/v1/reports/42");
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe(origin);
      expect(allowed.headers.get("access-control-allow-methods")).toBe("POST");
      expect(allowed.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
      expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");

      const unlisted = await preflight(`${origin}.evil.example`, "/v1/reports/42");
      expect(unlisted.status).toBe(403);
      expect(unlisted.headers.get("access-control-allow-origin")).toBeNull();
      expect(((await unlisted.json()) as ErrorBody).error.code).toBe("ORIGIN_NOT_ALLOWED");
      expect(app.seen.length).toBe(before);
    });

    it("lets a browser of an allowed origin read the app's answer and a 429, headers included", async () => {
      const origin = `https://${unique("spa")}.example.com`;
      const key = await seed({ limits: { keyPerMinute: 1 }, origins: [origin] });
      const admitted = await call(key, "/v1/items", "GET", { origin });
      expect(admitted.status).toBe(200);
      expect(admitted.headers.get("access-control-allow-origin")).toBe(origin);
      expect(admitted.headers.get("access-control-allow-credentials")).toBe("true");
      expect(admitted.headers.get("access-control-expose-headers")).toContain("Retry-After");
      expect(admitted.headers.get("vary")).toContain("Origin");

      const refused = await call(key, "/v1/items", "GET", { origin });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("access-control-allow-origin")).toBe(origin);
      expect(refused.headers.get("access-control-expose-headers")).toContain("Retry-After");

      const unlisted = await call(key, "/v1/items", "GET", { origin: "https://evil.example" });
      expect(unlisted.status).toBe(403);
      expect(unlisted.headers.get("access-control-allow-origin")).toBeNull();
      expect(reachedApp(key)).toHaveLength(1);
    });

    it("in Chromium, a page of an allowed origin reads the app's answer, then the 429 and its Retry-After", async () => {
      const browser = await launchBrowser();
      cleanups.push(() => browser.close());
      const allowedPage = await openPageOnOrigin(browser);
      const otherPage = await openPageOnOrigin(browser);
      cleanups.push(allowedPage.close, otherPage.close);
      const key = await seed({ limits: { keyPerMinute: 1 }, origins: [allowedPage.origin] });
      const url = `${gateway?.url}/v1/items`;

      expect(await allowedPage.fetchWithKey(url, key)).toMatchObject({ status: 200, remaining: "0" });
      const refused = await allowedPage.fetchWithKey(url, key);
      expect(refused).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^\d+$/) });
      expect(JSON.parse((refused as { body: string }).body).error.code).toBe("RATE_LIMIT_EXCEEDED");
      // Another origin: the browser itself refuses to hand the page any answer.
      expect(await otherPage.fetchWithKey(url, key)).toEqual({
        failed: expect.stringContaining("Failed to fetch"),
      });
      expect(reachedApp(key).map((r) => r.method)).toEqual(["GET"]);
    }, 60_000);
  });
}
