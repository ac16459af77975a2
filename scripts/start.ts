// `npm start`: the one command that runs Sluice. With nothing configured it brings up
// embedded Postgres, maildev and (when installed) redis-server under .data/, migrates, seeds,
// builds and serves the web and the worker; set DATABASE_URL / SMTP_URL / REDIS_URL /
// AUTH_SECRET to use real ones instead. Ctrl-C stops everything.
import path from "node:path";
import { config } from "dotenv";
import { disconnectDb } from "@/lib/db";
import { printRunningBanner } from "@/lib/dev/banner";
import { buildNeeded } from "@/lib/dev/build";
import { EMBEDDED_PG_DIR, embeddedPgPort, startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";
import { embeddedRedis } from "@/lib/dev/embedded-redis";
import { errorMessage, line, step } from "@/lib/dev/log";
import { mailCatcher } from "@/lib/dev/mail-catcher";
import { assertPortsFree } from "@/lib/dev/ports";
import { type ServiceSpec, Supervisor } from "@/lib/dev/processes";
import { readOrCreateSecret } from "@/lib/dev/secrets";
import { waitForHttpOk, waitForTcp } from "@/lib/dev/wait";
import { closeRedis } from "@/lib/redis";
import { describeSeed, planSeed, runSeed } from "@/lib/seed/seed";
import { VALIDATION_API_NODE_FLAGS } from "@/lib/validation-api/config";

const HEALTH_PATH = "/api/health"; // what "the web is up" means
const READY_TIMEOUT_MS = 60_000;

process.chdir(path.resolve(import.meta.dirname, ".."));
config({ path: [".env.local", ".env"], quiet: true }); // as Next and prisma.config.ts do
const HOST = process.env.HOST ?? "127.0.0.1";
const PORT = process.env.PORT ?? "3000";
const BASE_URL = `http://${HOST}:${PORT}`;

let stopPostgres: (() => Promise<void>) | null = null;
let shuttingDown = false;
const supervisor = new Supervisor((name, how) => void shutdown(1, `✖ ${name} ${how}, stopping everything`));

/** Stops the children newest first (web, …, maildev), then Postgres, and exits. */
async function shutdown(code: number, reason: string): Promise<void> {
  if (shuttingDown) return; // npm and tsx forward a Ctrl-C again: one shutdown is enough
  shuttingDown = true;
  line(reason);
  await supervisor.stopAll();
  if (stopPostgres) await step("stopping embedded Postgres", stopPostgres);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0, `▸ ${signal} received, stopping…`));
}
process.on("exit", () => supervisor.killAllNow());

async function startService(spec: ServiceSpec): Promise<void> {
  await assertPortsFree(spec.listens ?? []);
  const proc = supervisor.start(spec);
  if (spec.readyUrl) await waitForHttpOk(spec.readyUrl, proc, READY_TIMEOUT_MS);
  if (spec.readyPort) await waitForTcp(spec.readyPort, proc, READY_TIMEOUT_MS);
}

/** Uses REDIS_URL / REDIS_CLUSTER_NODES, or starts a local redis-server; says which in words. */
async function setUpRedis(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.REDIS_CLUSTER_NODES) return `cluster ${env.REDIS_CLUSTER_NODES}`;
  if (env.REDIS_URL) return redactPassword(env.REDIS_URL);
  const local = embeddedRedis();
  if (!local) {
    line("▸ no redis-server installed: in-process limiter store, policies read from Postgres");
    return "none (in-process limiter store, policies read from Postgres)";
  }
  await step(`starting redis-server (${local.url}, nothing persisted)`, () => startService(local.service));
  env.REDIS_URL = local.url; // for every child started from here on
  return `${local.url} (embedded, nothing persisted)`;
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const embedded = !env.DATABASE_URL;
  if (embedded) {
    const pg = await step(
      `starting embedded Postgres (${EMBEDDED_PG_DIR}, port ${embeddedPgPort()})`,
      () => startEmbeddedPostgres((stop) => (stopPostgres = stop)),
      (started) => (started.initialised ? "ok (new cluster)" : "ok"),
    );
    pg.onUnexpectedExit(
      () => void shutdown(1, "✖ embedded Postgres exited unexpectedly, stopping everything"),
    );
    env.DATABASE_URL = pg.url;
  } else {
    line(`▸ using DATABASE_URL (${redactPassword(env.DATABASE_URL ?? "")})`);
  }

  await step("applying migrations", () =>
    supervisor.run("migrate", "npm", ["run", "--silent", "db:migrate"], env),
  );

  const mail = env.SMTP_URL ? null : mailCatcher();
  if (mail) {
    await step("starting maildev", () => startService(mail.service));
    env.SMTP_URL = mail.smtpUrl;
    line(`Mail: read sent mail at ${mail.webUrl}`);
  }

  const redisInUse = await setUpRedis(env);

  if (!env.AUTH_SECRET) {
    const secret = readOrCreateSecret(".data/auth-secret");
    env.AUTH_SECRET = secret.value;
    line(`▸ AUTH_SECRET ${secret.created ? "generated into" : "read from"} .data/auth-secret`);
  }

  process.env.DATABASE_URL = env.DATABASE_URL; // for db(), which the seed uses in-process
  const plan = planSeed(env, embedded);
  const seeded = await step("seeding", () => runSeed(plan));
  await disconnectDb();
  await closeRedis(); // only opened when REDIS_URL came from the environment
  for (const text of describeSeed(seeded)) line(`  ${text}`);

  const why = buildNeeded();
  if (why && env.SLUICE_SKIP_BUILD === "1") line(`▸ build skipped (SLUICE_SKIP_BUILD=1) although ${why}`);
  else if (why)
    await step(`building (${why})`, () => supervisor.run("build", "node_modules/.bin/next", ["build"], env));
  else line("▸ build is up to date");

  const apiPort = env.VALIDATION_API_PORT ?? "8787";
  const apiUrl = `http://${HOST}:${apiPort}`;
  const appEnv = {
    ...env,
    AUTH_URL: env.AUTH_URL ?? BASE_URL,
    AUTH_TRUST_HOST: env.AUTH_TRUST_HOST ?? "true",
    VALIDATION_API_URL: env.VALIDATION_API_URL ?? apiUrl,
    VALIDATION_API_HOST: HOST,
    VALIDATION_API_PORT: apiPort,
  };
  // The long-running app processes, started in this order and stopped in reverse.
  const services: ServiceSpec[] = [
    {
      name: "web",
      command: "node_modules/.bin/next",
      args: ["start", "-p", PORT, "-H", HOST],
      env: appEnv,
      readyUrl: `${BASE_URL}${HEALTH_PATH}`,
      listens: [{ host: HOST, port: Number(PORT) }],
    },
    // The hot path: answers /v1/check and /v1/forward-auth from Redis (or in process).
    {
      name: "api",
      command: "node_modules/.bin/tsx",
      args: [...VALIDATION_API_NODE_FLAGS, "scripts/validation-api.ts"],
      env: appEnv,
      readyUrl: `${apiUrl}/healthz`,
      listens: [{ host: HOST, port: Number(apiPort) }],
    },
    // Publishes policies to Redis (republishing after a Redis restart) and delivers mail.
    { name: "worker", command: "node_modules/.bin/tsx", args: ["scripts/worker.ts"], env: appEnv },
  ];
  for (const service of services) await step(`starting ${service.name}`, () => startService(service));

  printRunningBanner({
    url: BASE_URL,
    apiUrl,
    plan,
    seeded,
    mailUrl: mail?.webUrl ?? null,
    redis: redisInUse,
  });
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "unparsable URL";
  }
}

main().catch(async (error: unknown) => {
  if (shuttingDown) return; // a child killed by the shutdown already in progress
  line(`✖ ${errorMessage(error)}`, process.stderr);
  await shutdown(1, "✖ startup failed, stopping everything");
});
