import type { AddressInfo } from "node:net";
import { bootstrap } from "@/lib/validation-api/bootstrap";
import { readConfig } from "@/lib/validation-api/config";
import { createValidationServer } from "@/lib/validation-api/server";

/** The validation API in this test process, on a free port, against `redisUrl`. */
export async function startInProcessApi(
  redisUrl: string,
  extraEnv: Record<string, string> = {},
  keepAliveMs?: number,
) {
  const env = { ...process.env, REDIS_URL: redisUrl, ...extraEnv };
  const running = await bootstrap(readConfig(env), env);
  // The hot path never queues commands while connecting: wait until Redis answers.
  for (let i = 0; i < 100; i++) {
    if (
      await running.ctx.ping().then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const server = createValidationServer(running.ctx, keepAliveMs);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx: running.ctx,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running.close();
    },
  };
}
