// Vitest setupFiles (runs in every worker before each test file): point the app code at the test database.
import { inject } from "vitest";
import { assertLocalDatabaseUrl } from "./local-database";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET = inject("authSecret");
assertLocalDatabaseUrl(process.env.DATABASE_URL);
