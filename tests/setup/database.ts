// Throwaway Postgres databases for tests: create, migrate with the project's own `npm run db:migrate`,
// drop. Shared by the vitest global setup and scripts/test-all.ts (e2e database).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import { promisify } from "node:util";
import pg from "pg";
import { assertLocalDatabaseUrl } from "./local-database";

const run = promisify(execFile);

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * TEST_DATABASE_ADMIN_URL if set; otherwise the OS user's role, then "postgres" (the only role
 * on a fresh Debian install, while a developer box usually has one named after the user).
 */
export async function resolveAdminUrl(): Promise<string> {
  const explicit = process.env.TEST_DATABASE_ADMIN_URL;
  const candidates = explicit
    ? [explicit]
    : [...new Set([process.env.USER, userInfo().username, "postgres"].filter((u) => u))].map(
        (user) => `postgresql://${user}@127.0.0.1:5432/postgres`,
      );
  for (const url of candidates) {
    assertLocalDatabaseUrl(url);
    if (await canConnect(url)) return url;
  }
  throw new Error(`Cannot connect to Postgres as admin; tried ${candidates.join(", ")}`);
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>` and applies prisma/migrations to it. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const adminUrl = await resolveAdminUrl();
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database: TestDatabase = {
    name,
    url: url.toString(),
    // FORCE: a test or server may still hold pooled connections when we clean up.
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  try {
    await run("npm", ["run", "--silent", "db:migrate"], {
      env: { ...process.env, DATABASE_URL: database.url },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    await database.drop().catch(() => {});
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Migrating ${name} failed:\n${stdout}${stderr}`);
  }
  return database;
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}
