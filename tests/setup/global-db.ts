// Vitest globalSetup (runs once, in the main process): one fresh, migrated database per run.
import type { TestProject } from "vitest/node";
import { createTestDatabase, randomSecret } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    authSecret: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase("sluice_test");
  const authSecret = randomSecret();
  // Workers read these back in tests/setup/env.ts; provide() does not depend on env inheritance.
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = authSecret;
  project.provide("databaseUrl", database.url);
  project.provide("authSecret", authSecret);
  return () => database.drop();
}
