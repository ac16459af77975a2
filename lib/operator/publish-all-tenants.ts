import { db } from "@/lib/db";
import { publishTenantPolicy } from "@/lib/policy/publish-policy";
import { type RedisClient, redis } from "@/lib/redis";

const CONCURRENCY = 8;

/**
 * After a platform-wide change (incident mode) every tenant's policyVersion moved: publish them
 * all now, a few at a time. Best effort, like `publishAfterCommit`: failures are logged once,
 * and the worker republishes whatever still lags within a second.
 */
export async function publishAllTenantsAfterCommit(client: RedisClient | null = redis()): Promise<void> {
  if (!client) return;
  try {
    await publishLagging(client);
  } catch (error) {
    console.warn(
      `[policy] publishing every tenant failed (${(error as Error).message}); the worker will retry`,
    );
  }
}

async function publishLagging(client: RedisClient): Promise<void> {
  const lagging = await db().tenant.findMany({
    where: { publishedVersion: { lt: db().tenant.fields.policyVersion } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const queue = lagging.map((t) => t.id);
  let failed = 0;
  let firstError = "";
  const publishNext = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        await publishTenantPolicy(id, client);
      } catch (error) {
        failed++;
        firstError ||= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, publishNext));
  if (failed) {
    console.warn(
      `[policy] publishing ${failed} of ${lagging.length} tenants failed (${firstError}); the worker will retry`,
    );
  }
}
