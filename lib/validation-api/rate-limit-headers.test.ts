import { describe, expect, it } from "vitest";
import type { LimitSpec, LimitState } from "@/lib/limiter/types";
import { rateLimitHeaders } from "./rate-limit-headers";

const specs: LimitSpec[] = [
  { name: "tenant", key: "{t}:pool", windowMs: 60_000, max: 100, cost: 3 },
  { name: "key_minute", key: "{t}:key:k", windowMs: 60_000, max: 60, cost: 1 },
];
const state = (name: LimitState["name"], max: number, used: number): LimitState => ({
  name,
  max,
  used,
  windowMs: 60_000,
  resetAt: 1_700_000_030_000,
  retryAt: 0,
});

describe("rate-limit headers", () => {
  it("reports the binding limit, with the draft-10 fields", () => {
    const binding = state("key_minute", 60, 50);
    const { headers, retryAfter } = rateLimitHeaders(specs, binding, 1_700_000_000_000, 0);
    expect(headers).toMatchObject({
      "X-RateLimit-Limit": "60",
      "X-RateLimit-Remaining": "10",
      "X-RateLimit-Reset": "1700000030",
      "X-RateLimit-Window": "sliding_60s",
      "RateLimit-Policy": '"tenant";q=100;w=60, "key_minute";q=60;w=60',
      RateLimit: '"key_minute";r=10;t=30',
      Warning: '299 - "Rate Limit" "83% of quota consumed"',
    });
    expect(retryAfter).toBeNull();
    expect(headers["Retry-After"]).toBeUndefined();
  });

  it("has no warning under 80 % and a whole-second Retry-After of at least 1 when refused", () => {
    const calm = rateLimitHeaders(specs, state("tenant", 100, 79), 1_700_000_000_000, 0);
    expect(calm.headers.Warning).toBeUndefined();
    const refused = rateLimitHeaders(specs, state("tenant", 100, 99), 1_700_000_000_000, 1_700_000_000_200);
    expect(refused.retryAfter).toBe(1);
    expect(refused.headers["Retry-After"]).toBe("1");
    expect(
      rateLimitHeaders(specs, state("tenant", 100, 99), 1_700_000_000_000, 1_700_000_041_001).retryAfter,
    ).toBe(42);
  });
});
