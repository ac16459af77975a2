import type { RedisClient } from "@/lib/redis";
import type { PolicySnapshot } from "./policy.types";
import { corsOriginKey, corsTenantSlugKey, policyKey } from "./redis-keys";

/**
 * Brings the preflight index in line with the tenant's new snapshot. Call before that snapshot
 * is written: the one still published says which entries to drop, and a publisher that dies
 * half-way leaves it in place, so the next publication redoes the same diff. Every current entry
 * is re-added each time (idempotent), which also repairs an index Redis lost. Single-key
 * commands only, for Redis Cluster. The index is a hint: the validation API still checks the
 * tenant's snapshot, so a stale member can never allow an origin the tenant does not list.
 */
export async function publishOriginIndex(client: RedisClient, next: PolicySnapshot): Promise<void> {
  const raw = await client.get(policyKey(next.tenantId));
  const previous = raw ? (JSON.parse(raw) as Pick<PolicySnapshot, "slug" | "origins">) : null;
  const before = previous?.origins ?? [];
  if (before.length === 0 && next.origins.length === 0) return;
  const writes: Promise<unknown>[] = [
    ...next.origins.map((entry) => client.sadd(corsOriginKey(entry), next.tenantId)),
    ...before
      .filter((entry) => !next.origins.includes(entry))
      .map((entry) => client.srem(corsOriginKey(entry), next.tenantId)),
  ];
  if (next.origins.length > 0) writes.push(client.set(corsTenantSlugKey(next.slug), next.tenantId));
  const staleSlug =
    previous && before.length > 0 && (previous.slug !== next.slug || next.origins.length === 0);
  if (staleSlug) writes.push(dropSlugIfOurs(client, previous.slug, next.tenantId));
  await Promise.all(writes);
}

/** A renamed tenant's old slug may already name another tenant: only drop it while it is ours. */
async function dropSlugIfOurs(client: RedisClient, slug: string, tenantId: string) {
  if ((await client.get(corsTenantSlugKey(slug))) === tenantId) await client.del(corsTenantSlugKey(slug));
}
