import { type RedisClient, redis, whenReady } from "@/lib/redis";
import { type TenantTx, tenantDb } from "@/lib/tenancy/tenant-db";
import { compilePolicy } from "./compile-policy";
import { loadPolicyRows, loadTenantKeys } from "./load-policy-rows";
import type { PolicyChange } from "./policy.types";
import { publishOriginIndex } from "./publish-origin-index";
import { POLICY_CHANNEL, policyKey, policyVersionKey } from "./redis-keys";
import { writeKeyRecords } from "./write-key-records";

/**
 * Call inside the transaction of every change to a tenant's policy (keys, limits, rules,
 * adjustments): the worker republishes while publishedVersion lags behind this.
 */
export async function bumpPolicyVersion(tx: TenantTx, tenantId: string): Promise<number> {
  const { policyVersion } = await tx.tenant.update({
    where: { id: tenantId },
    data: { policyVersion: { increment: 1 } },
    select: { policyVersion: true },
  });
  return policyVersion;
}

export function requireRedis(): RedisClient {
  const client = redis();
  if (!client) throw new Error("Redis is not configured: set REDIS_URL or REDIS_CLUSTER_NODES");
  return client;
}

/**
 * Compiles the tenant's current rows and writes them to Redis: key records, the snapshot, its
 * version; then announces the change and records the published version. Returns the version
 * published, or null when the tenant no longer exists. Throws when Redis fails: the tenant's
 * publishedVersion then stays behind and the worker tries again.
 */
export async function publishTenantPolicy(
  tenantId: string,
  client: RedisClient = requireRedis(),
): Promise<number | null> {
  await whenReady(client);
  return tenantDb(tenantId).$transaction(
    async (tx) => {
      // One publisher per tenant at a time (web after a commit, the worker): a slow publisher
      // holding older rows can never overwrite what a newer one wrote. Rows are read after
      // the lock, so the last publisher always writes the latest committed state.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`publish:${tenantId}`}::text))`;
      const now = Date.now();
      const rows = await loadPolicyRows(tenantId, new Date(now), tx);
      if (!rows) return null;
      const snapshot = compilePolicy(rows, now);
      const changedKeys = await writeKeyRecords(client, await loadTenantKeys(tenantId, tx), now);
      await publishOriginIndex(client, snapshot); // reads the snapshot this one replaces
      // The snapshot before its version: a reader that sees the new version finds the new snapshot.
      await client.set(policyKey(tenantId), JSON.stringify(snapshot));
      await client.set(policyVersionKey(tenantId), String(snapshot.version));
      await announce(client, [
        { kind: "tenant", tenantId, version: snapshot.version },
        ...changedKeys.map((hash): PolicyChange => ({ kind: "key", hash })),
      ]);
      await tx.$executeRaw`
        UPDATE "Tenant" SET "publishedVersion" = ${snapshot.version}
        WHERE id = ${tenantId} AND "publishedVersion" < ${snapshot.version}`;
      return snapshot.version;
    },
    { maxWait: 5_000, timeout: 15_000 },
  );
}

export async function announce(client: RedisClient, changes: PolicyChange[]): Promise<void> {
  await Promise.all(changes.map((change) => client.publish(POLICY_CHANNEL, JSON.stringify(change))));
}

/**
 * Publishes right after a committed change, best effort: a Redis (or any) failure is logged
 * and swallowed, because the change is already committed and the worker republishes every
 * tenant whose publishedVersion lags. Without Redis (embedded mode) there is nothing to do:
 * the validation API then reads Postgres directly.
 */
export async function publishAfterCommit(tenantId: string, client: RedisClient | null = redis()) {
  if (!client) return;
  try {
    await publishTenantPolicy(tenantId, client);
  } catch (error) {
    console.warn(
      `[policy] publishing tenant ${tenantId} failed (${(error as Error).message}); the worker will retry`,
    );
  }
}
