import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { assertLocalDatabaseUrl } from "./tests/setup/local-database";

const PORT = Number(process.env.E2E_PORT ?? 3200);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const baseURL = `http://127.0.0.1:${PORT}`;
const API_PORT = Number(process.env.E2E_API_PORT ?? 3287);
// Specs call the validation API and read Redis too: the same values reach them through env.
process.env.VALIDATION_API_URL = `http://127.0.0.1:${API_PORT}`;
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
// E2E_NO_WEBSERVER=1: run specs without `next start` (harness checks, or a server you started yourself).
const useWebServer = process.env.E2E_NO_WEBSERVER !== "1";

// This file is evaluated in the runner and again in each worker; workers inherit the runner's env,
// so values generated here once are shared by the server, the runner and every worker.
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");
const authSecret = process.env.E2E_AUTH_SECRET;
const databaseUrl = process.env.E2E_DATABASE_URL;
if (databaseUrl) {
  assertLocalDatabaseUrl(databaseUrl);
  process.env.DATABASE_URL = databaseUrl; // specs seed through db() from lib/db.ts
} else if (useWebServer) {
  // Playwright starts webServer before globalSetup, so the database must exist before we get here.
  throw new Error("E2E_DATABASE_URL is not set: run e2e with `npm test -- --only=e2e`");
}

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  // Not test-results itself: Playwright empties outputDir at start, and the other reports live there.
  outputDir: "test-results/e2e",
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_FILE ?? "test-results/playwright.json" }]],
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: useWebServer
    ? [
        {
          command: `node_modules/.bin/next start -p ${PORT} -H 127.0.0.1`,
          url: `${baseURL}${process.env.E2E_HEALTH_PATH ?? "/api/health"}`,
          // Never reuse: a stray server would be wired to some other database.
          reuseExistingServer: false,
          timeout: 60_000,
          env: {
            DATABASE_URL: databaseUrl ?? "",
            AUTH_SECRET: authSecret,
            AUTH_URL: baseURL,
            APP_URL: baseURL,
            AUTH_TRUST_HOST: "true",
            SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
            REDIS_URL: process.env.REDIS_URL,
            VALIDATION_API_URL: process.env.VALIDATION_API_URL,
          },
        },
        {
          // The validation API, as npm start runs it, on the shared Redis the web publishes to.
          command: "node_modules/.bin/tsx scripts/validation-api.ts",
          url: `http://127.0.0.1:${API_PORT}/readyz`,
          reuseExistingServer: false,
          timeout: 60_000,
          env: {
            REDIS_URL: process.env.REDIS_URL,
            VALIDATION_API_HOST: "127.0.0.1",
            VALIDATION_API_PORT: String(API_PORT),
          },
        },
      ]
    : undefined,
});
