import { randomUUID } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import { displayParts, generateKey, hashKey } from "@/lib/keys/key-format";
import type { KeyRecord, PolicySnapshot } from "@/lib/policy/policy.types";
import {
  keyRecordKey,
  POLICY_CHANNEL,
  policyKey,
  policyVersionKey,
  serviceTokenKey,
} from "@/lib/policy/redis-keys";

type Overrides = Partial<Omit<PolicySnapshot, "limits">> & { limits?: Partial<PolicySnapshot["limits"]> };

/**
 * Writes a policy snapshot, keys and a service token to Redis exactly as the web publishes them,
 * under fresh ids. For contract tests of the validation API; the publication path itself has
 * its own tests.
 */
export async function publishTestTenant(redis: Redis | Cluster, overrides: Overrides = {}) {
  const tenantId = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  let version = 1;
  const policy: PolicySnapshot = {
    version,
    tenantId,
    slug: tenantId,
    status: "ACTIVE",
    failureMode: "OPEN",
    endpoints: [],
    adjustments: [],
    origins: [],
    publishedAt: Date.now(),
    ...overrides,
    limits: {
      poolPointsPerMinute: 1000,
      keyPerMinute: 100,
      keyPerHour: 1000,
      keyBurst: 100,
      ipPerMinute: null,
      ...overrides.limits,
    },
  };
  const written: string[] = [];
  const set = async (key: string, value: unknown) => {
    written.push(key);
    await redis.set(key, typeof value === "string" ? value : JSON.stringify(value));
  };
  const publishPolicy = async (next: PolicySnapshot) => {
    await set(policyKey(tenantId), next);
    await set(policyVersionKey(tenantId), String(next.version));
    await redis.publish(POLICY_CHANNEL, JSON.stringify({ kind: "tenant", tenantId, version: next.version }));
  };
  await publishPolicy(policy);

  const addKey = async (fields: Partial<KeyRecord> = {}) => {
    const secret = generateKey();
    const record: KeyRecord = {
      keyId: `k_${randomUUID().slice(0, 8)}`,
      tenantId,
      name: "Test integration",
      ...displayParts(secret),
      expiresAt: null,
      revokedAt: null,
      perMinute: null,
      perHour: null,
      burst: null,
      ...fields,
    };
    await set(keyRecordKey(hashKey(secret)), record);
    return { secret, record };
  };
  const updateKey = async (secret: string, record: KeyRecord) => {
    await set(keyRecordKey(hashKey(secret)), record);
    await redis.publish(POLICY_CHANNEL, JSON.stringify({ kind: "key", hash: hashKey(secret) }));
  };
  const serviceToken = generateKey("st_live_");
  await set(serviceTokenKey(hashKey(serviceToken)), { id: "st_test", name: "tests" });

  return {
    tenantId,
    policy,
    serviceToken,
    addKey,
    updateKey,
    /** Publishes a changed policy under the next version. */
    update: async (change: Overrides) => {
      version += 1;
      const next = { ...policy, ...change, version, limits: { ...policy.limits, ...change.limits } };
      await publishPolicy(next);
      return next;
    },
    cleanup: async () => {
      const counters = await redis.keys(`{${tenantId}}:*`).catch(() => []);
      if (written.length) await redis.del(...written);
      for (const key of counters) await redis.del(key);
    },
  };
}
