import { Redis } from "ioredis";
import { Agent, RetryAgent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInProcessApi } from "../support/in-process-api";
import { publishTestTenant } from "../support/published-tenant";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("a standard HTTP client that honours Retry-After", () => {
  const redis = new Redis(REDIS_URL);
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  beforeAll(async () => {
    api = await startInProcessApi(REDIS_URL);
  });
  afterAll(async () => {
    await api.stop();
    redis.disconnect();
  });

  it("backs off on 429 by itself and then succeeds", async () => {
    // A burst limit of 2 per second: the third request is refused with Retry-After: 1.
    const tenant = await publishTestTenant(redis, { limits: { keyBurst: 2 } });
    const { secret } = await tenant.addKey();
    // undici's RetryAgent retries 429 and waits for Retry-After on its own.
    const client = new RetryAgent(new Agent(), {
      statusCodes: [429],
      methods: ["GET"],
      maxRetries: 3,
      retryAfter: true,
    });
    const call = () =>
      undiciFetch(`${api.url}/v1/forward-auth`, {
        headers: { authorization: `Bearer ${secret}` },
        dispatcher: client,
      });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const started = Date.now();
    const third = await call();
    expect(third.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500); // it waited instead of failing
    await tenant.cleanup();
  });
});
