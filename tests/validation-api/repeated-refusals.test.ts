import { describe, expect, it } from "vitest";
import { eventually } from "../support/eventually";
import { usePrivateRedisApi } from "../support/private-redis-api";
import { publishTestTenant } from "../support/published-tenant";
import { scriptCalls } from "../support/redis-stats";

type Answer = {
  allowed: boolean;
  code: string | null;
  retryAfter: number | null;
  headers: Record<string, string>;
  error: Record<string, unknown> | null;
};

/** An answer with every field that counts the seconds to wait taken out. */
function withoutSeconds(answer: Answer) {
  const { retryAfter: _, headers, error, ...rest } = answer;
  const { "Retry-After": _r, RateLimit: _l, ...otherHeaders } = headers;
  const { message: _m, retry_after: _a, ...otherError } = error ?? {};
  return { ...rest, headers: otherHeaders, error: otherError };
}

describe("a body refused again and again", () => {
  const env = usePrivateRedisApi();

  /** A tenant whose key is refused (2 per minute, both spent) and a check of exactly `body`. */
  async function exhaustedKey() {
    const tenant = await publishTestTenant(env.redis, { limits: { keyPerMinute: 2, keyBurst: 100 } });
    const key = await tenant.addKey();
    const request = { key: key.secret, ip: "203.0.113.9", method: "GET", path: "/v1/items/7" };
    const check = (body: string): Promise<Answer> =>
      fetch(`${env.api.url}/v1/check`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tenant.serviceToken}` },
        body,
      }).then((r) => r.json());
    const body = JSON.stringify(request);
    expect((await check(body)).allowed).toBe(true);
    expect((await check(body)).allowed).toBe(true);
    expect((await check(body)).code).toBe("RATE_LIMIT_EXCEEDED"); // Redis says so
    return { tenant, key, request, body, check };
  }

  it("is answered without Redis, exactly as the same request written differently is decided", async () => {
    const { request, body, check } = await exhaustedKey();
    const before = await scriptCalls(env.redis);
    const repeated = await Promise.all(Array.from({ length: 20 }, () => check(body)));
    // The same request, other bytes: not a repeat, decided in full (locally, from the refusal cache).
    const fresh = await check(JSON.stringify(request, null, 1));
    expect((await scriptCalls(env.redis)) - before).toBe(0);
    expect(env.api.ctx.repeatedRefusals.answer(body, Date.now())).not.toBeNull(); // held as a repeat
    for (const answer of repeated) {
      expect(answer.code).toBe("RATE_LIMIT_EXCEEDED");
      // Within a second of each other: only the seconds to wait may differ, by at most one.
      expect(Math.abs((answer.retryAfter as number) - (fresh.retryAfter as number))).toBeLessThanOrEqual(1);
      expect(withoutSeconds(answer)).toEqual(withoutSeconds(fresh));
    }
  });

  it("is decided afresh as soon as the policy changes", async () => {
    const { tenant, body, check } = await exhaustedKey();
    expect((await check(body)).allowed).toBe(false);
    await tenant.update({ limits: { keyPerMinute: 50 } });
    const answer = await eventually(
      () => check(body),
      (a) => a.allowed,
      2_000,
      25,
    );
    expect(answer.allowed).toBe(true);
  });

  it("is refused as revoked within 2 s of the revocation", async () => {
    const { tenant, key, body, check } = await exhaustedKey();
    expect((await check(body)).code).toBe("RATE_LIMIT_EXCEEDED");
    await tenant.updateKey(key.secret, { ...key.record, revokedAt: Date.now() });
    const answer = await eventually(
      () => check(body),
      (a) => a.code === "KEY_REVOKED",
      2_000,
      25,
    );
    expect(answer.code).toBe("KEY_REVOKED");
  });

  it("through forward-auth too: the same refused request is answered from memory, with its headers", async () => {
    const { tenant, key, request } = await exhaustedKey();
    const forward = () =>
      fetch(`${env.api.url}/v1/forward-auth`, {
        headers: {
          authorization: `Bearer ${key.secret}`,
          "x-forwarded-for": request.ip,
          "x-forwarded-method": request.method,
          "x-forwarded-uri": request.path,
        },
      });
    expect((await forward()).status).toBe(429); // decided in full, locally, and remembered
    const before = await scriptCalls(env.redis);
    const again = await Promise.all(Array.from({ length: 10 }, () => forward()));
    expect((await scriptCalls(env.redis)) - before).toBe(0);
    expect(again.map((r) => r.status)).toEqual(Array(10).fill(429));
    for (const response of again) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
      expect((await response.json()).error.code).toBe("RATE_LIMIT_EXCEEDED");
    }
    const remembered = `forward-auth\n${key.secret}\n${request.ip}\n${request.method}\n${request.path}`;
    expect(env.api.ctx.repeatedRefusals.find(remembered, Date.now())).not.toBeNull();
    await tenant.updateKey(key.secret, { ...key.record, revokedAt: Date.now() });
    const revoked = await eventually(forward, (r) => r.status === 401, 2_000, 25);
    expect(revoked.status).toBe(401);
  });
});
