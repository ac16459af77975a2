import { Cluster, type Redis } from "ioredis";
import type { KeyRecord, PolicyChange, PolicySnapshot } from "@/lib/policy/policy.types";
import type { PolicySource } from "@/lib/policy/policy-source";
import {
  corsOriginKey,
  corsTenantSlugKey,
  keyRecordKey,
  POLICY_CHANNEL,
  policyKey,
  policyVersionKey,
  serviceTokenKey,
} from "@/lib/policy/redis-keys";

function parse<T>(raw: string | null): T | null {
  return raw ? (JSON.parse(raw) as T) : null;
}

/** Reads what the web published; one GET per lookup, one MGET per version sweep. */
export class RedisPolicySource implements PolicySource {
  private subscriber: Redis | Cluster | null = null;

  constructor(private readonly redis: Redis | Cluster) {}

  async getKeyRecord(hash: string) {
    return parse<KeyRecord>(await this.redis.get(keyRecordKey(hash)));
  }

  async getPolicy(tenantId: string) {
    return parse<PolicySnapshot>(await this.redis.get(policyKey(tenantId)));
  }

  async getPolicyVersions(tenantIds: string[]) {
    if (tenantIds.length === 0) return [];
    // One GET per key in a pipeline: in a Cluster an MGET across slots is refused.
    const pipeline = this.redis.pipeline();
    for (const id of tenantIds) pipeline.get(policyVersionKey(id));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value]) => (error || value == null ? null : Number(value)));
  }

  async getServiceToken(hash: string) {
    return parse<{ id: string; name: string }>(await this.redis.get(serviceTokenKey(hash)));
  }

  async getTenantIdsListingOrigins(entries: string[]) {
    // Separate commands sent together, not a pipeline: the sets live in different Cluster slots,
    // possibly on different nodes.
    const sets = await Promise.all(entries.map((entry) => this.redis.smembers(corsOriginKey(entry))));
    return [...new Set(sets.flat())];
  }

  getTenantIdBySlug(slug: string) {
    return this.redis.get(corsTenantSlugKey(slug));
  }

  onChange(listener: (change: PolicyChange) => void) {
    // A subscribed connection can do nothing else: use a dedicated one, which may queue its
    // SUBSCRIBE until connected (the hot path's client refuses to queue) and resubscribes after
    // a reconnect by itself.
    const subscriber =
      this.redis instanceof Cluster
        ? this.redis.duplicate(undefined, { enableOfflineQueue: true })
        : this.redis.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
    this.subscriber = subscriber;
    subscriber.on("message", (_channel: string, message: string) => {
      try {
        listener(JSON.parse(message) as PolicyChange);
      } catch {
        // A malformed announcement is ignored; the periodic version sweep still catches up.
      }
    });
    subscriber.on("error", () => {});
    void subscriber.subscribe(POLICY_CHANNEL).catch(() => {});
  }

  async close() {
    this.subscriber?.disconnect();
  }
}
