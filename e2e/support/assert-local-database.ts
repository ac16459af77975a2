// Specs seed and wipe data through Prisma; make sure that can only ever hit a local throwaway database.
import { assertLocalDatabaseUrl } from "../../tests/setup/local-database";

export function assertLocalDatabase(url: string | undefined = process.env.DATABASE_URL): string {
  if (!url) throw new Error("DATABASE_URL is not set (run e2e through `npm test -- --only=e2e`)");
  assertLocalDatabaseUrl(url);
  return url;
}
