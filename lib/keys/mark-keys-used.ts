import { db } from "@/lib/db";

export type KeyUse = { keyId: string; usedAt: Date };

/**
 * Records when keys were last used, in one statement for the whole batch. Called by the worker
 * with what the validation API reports, across tenants: ids come from published key records,
 * not from a tenant's request, so this deliberately bypasses the tenant gate. A timestamp
 * never moves backwards, so batches may arrive late or twice.
 */
export async function markKeysUsed(uses: KeyUse[]): Promise<number> {
  const latest = new Map<string, number>();
  for (const { keyId, usedAt } of uses) {
    latest.set(keyId, Math.max(latest.get(keyId) ?? 0, usedAt.getTime()));
  }
  if (latest.size === 0) return 0;
  // Columns are timestamp(3) without time zone holding UTC, as Prisma writes them.
  return db().$executeRaw`
    UPDATE "ApiKey" AS k
    SET "lastUsedAt" = GREATEST(k."lastUsedAt", u.used_at)
    FROM (
      SELECT unnest(${[...latest.keys()]}::text[]) AS id,
             to_timestamp(unnest(${[...latest.values()]}::float8[]) / 1000.0) AT TIME ZONE 'UTC' AS used_at
    ) AS u
    WHERE k.id = u.id`;
}
