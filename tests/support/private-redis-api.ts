import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { startInProcessApi } from "./in-process-api";
import { startPrivateRedis } from "./private-redis";

/**
 * A redis-server of its own and the validation API in this process against it, started before
 * the calling describe block's tests and stopped after them: for tests that count Redis's
 * commands, which other test files would disturb on a shared Redis. Read the fields inside tests.
 */
export function usePrivateRedisApi() {
  const setup = {} as { redis: Redis; api: Awaited<ReturnType<typeof startInProcessApi>> };
  let server: Awaited<ReturnType<typeof startPrivateRedis>>;
  beforeAll(async () => {
    server = await startPrivateRedis();
    setup.redis = new Redis(server.url);
    setup.api = await startInProcessApi(server.url);
  });
  afterAll(async () => {
    await setup.api.stop();
    setup.redis.disconnect();
    await server.stop();
  });
  return setup;
}
