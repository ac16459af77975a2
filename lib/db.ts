import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { __sluicePrisma?: PrismaClient };

/**
 * The unscoped client. Created lazily: `next build` imports route modules, and a missing
 * DATABASE_URL must not fail the build. Tenant-owned data goes through `tenantDb()` instead.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.__sluicePrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    globalForPrisma.__sluicePrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  }
  return globalForPrisma.__sluicePrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.__sluicePrisma?.$disconnect();
  globalForPrisma.__sluicePrisma = undefined;
}
