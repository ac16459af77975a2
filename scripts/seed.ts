// `npm run db:seed`: the seed on its own. `npm start` runs the same seed itself.
// With DATABASE_URL unset it targets the embedded Postgres that `npm start` runs (start that
// first) and seeds as for a local setup: generated operator, demo tenant.
import { config } from "dotenv";
import { disconnectDb } from "@/lib/db";
import { embeddedDatabaseUrl } from "@/lib/dev/embedded-postgres";
import { errorMessage, line } from "@/lib/dev/log";
import { describeSeed, planSeed, runSeed } from "@/lib/seed/seed";

config({ path: [".env.local", ".env"], quiet: true });
const embedded = !process.env.DATABASE_URL;
process.env.DATABASE_URL ||= embeddedDatabaseUrl();

try {
  const result = await runSeed(planSeed(process.env, embedded));
  for (const text of describeSeed(result)) line(text);
} catch (error) {
  line(`✖ seed failed: ${errorMessage(error)}`, process.stderr);
  if (embedded) line("  DATABASE_URL is unset: is `npm start` running? Or set DATABASE_URL.", process.stderr);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
