import { db } from "@/lib/db";
import { publishTenantPolicy } from "@/lib/policy/publish-policy";
import type { RedisClient } from "@/lib/redis";

/**
 * Publishes every tenant whose publishedVersion lags its policyVersion: a change whose
 * publication after commit failed (Redis down, process killed) or a tenant never published.
 * Every tenant is tried even when one fails; the first failure is rethrown at the end.
 */
export async function republishLagging(client: RedisClient, batch = 200): Promise<number> {
  const lagging = await db().tenant.findMany({
    where: { publishedVersion: { lt: db().tenant.fields.policyVersion } },
    select: { id: true },
    orderBy: { publishedVersion: "asc" },
    take: batch,
  });
  return publishEach(
    client,
    lagging.map((t) => t.id),
  );
}

/** Publishes the given tenants one by one; returns how many were published. */
export async function publishEach(client: RedisClient, tenantIds: string[]): Promise<number> {
  let published = 0;
  let firstError: unknown;
  for (const tenantId of tenantIds) {
    try {
      if ((await publishTenantPolicy(tenantId, client)) !== null) published++;
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return published;
}
