// The validation API: `tsx scripts/validation-api.ts`. VALIDATION_WORKERS=n forks n processes
// sharing the port (node:cluster); each is stateless and reads policies from Redis.
import cluster from "node:cluster";
import { bootstrap } from "@/lib/validation-api/bootstrap";
import { readConfig } from "@/lib/validation-api/config";
import { createValidationServer } from "@/lib/validation-api/server";

const config = readConfig();

if (cluster.isPrimary && config.workers > 1) {
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (!shuttingDown)
      console.error(`[validation-api] worker ${worker.process.pid} exited (${code}); restarting`);
    if (!shuttingDown) cluster.fork();
  });
  let shuttingDown = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      shuttingDown = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
      setTimeout(() => process.exit(0), 2_000).unref();
    });
  }
  console.log(
    `[validation-api] listening on http://${config.host}:${config.port} with ${config.workers} workers`,
  );
} else {
  const running = await bootstrap(config);
  // Keep-alive longer than typical gateway idle timeouts, so the gateway closes idle connections first.
  const server = createValidationServer(running.ctx, 65_000);
  server.listen(config.port, config.host, () => {
    if (cluster.isPrimary) {
      console.log(
        `[validation-api] listening on http://${config.host}:${config.port} (${running.mode} mode)`,
      );
    }
  });
  const stop = () => {
    server.close();
    void running.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
