// The benchmark's tenants, keys and request bodies, written straight to Redis in the shape the
// web publishes (PolicySnapshot, KeyRecord, service token): much faster than 50 sign-ups and
// 1,900 key creations through Postgres, and the validation API cannot tell the difference.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { displayParts, generateKey, hashKey, SERVICE_TOKEN_PREFIX } from "@/lib/keys/key-format";
import type { EndpointPolicy, KeyRecord, PolicySnapshot } from "@/lib/policy/policy.types";
import { keyRecordKey, policyKey, policyVersionKey, serviceTokenKey } from "@/lib/policy/redis-keys";

const TENANTS = 50;
const ADMITTED_KEYS_PER_TENANT = 20; // 1,000 keys
const CAPPED_KEYS_PER_TENANT = 18; // 900 keys allowed one request per window
const BODIES = 20_000;
const UNLIMITED = 1_000_000_000;

/** Every tenant's endpoint rules: one per cost of the mix (1, 3, 5, 8). */
export const ENDPOINTS: EndpointPolicy[] = [
  { id: "items", method: "GET", pattern: "/v1/items/:id", cost: 1, perMinute: null, exempt: false },
  { id: "audit", method: "GET", pattern: "/v1/compliance/audit", cost: 3, perMinute: null, exempt: false },
  { id: "scan", method: "POST", pattern: "/v1/threats/scan", cost: 5, perMinute: null, exempt: false },
  { id: "report", method: "POST", pattern: "/v1/reports/generate", cost: 8, perMinute: null, exempt: false },
];

/** The requests of the mix and their weights; /v1/status matches no rule (cost 1). */
const MIX: [method: string, path: string, weight: number][] = [
  ["GET", "/v1/items/4711", 40],
  ["GET", "/v1/status", 15],
  ["GET", "/v1/compliance/audit?year=2026", 20],
  ["POST", "/v1/threats/scan", 15],
  ["POST", "/v1/reports/generate", 10],
];

export type BenchKey = { secret: string; tenantId: string; keyId: string; capped: boolean };

export type BenchData = {
  runId: string;
  tenantIds: string[];
  keys: BenchKey[];
  serviceToken: string;
  /** POST /v1/check bodies, each key and endpoint drawn at random: every one is admitted. */
  admittedBodies: string[];
  /** The same with 90 % of the bodies on capped keys, refused once they have used their one unit. */
  overLimitBodies: string[];
};

/** A small deterministic PRNG (mulberry32), so two runs send the same mix. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createBenchData(): BenchData {
  const runId = randomBytes(4).toString("hex");
  const tenantIds = Array.from({ length: TENANTS }, (_, t) => `bench-${runId}-t${t}`);
  const keys: BenchKey[] = tenantIds.flatMap((tenantId) =>
    Array.from({ length: ADMITTED_KEYS_PER_TENANT + CAPPED_KEYS_PER_TENANT }, (_, k) => ({
      secret: generateKey(),
      tenantId,
      keyId: `k${k}`,
      capped: k >= ADMITTED_KEYS_PER_TENANT,
    })),
  );
  const admitted = keys.filter((k) => !k.capped);
  const capped = keys.filter((k) => k.capped);
  const next = random(42);
  const totalWeight = MIX.reduce((sum, [, , weight]) => sum + weight, 0);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const endpoint = () => {
    let roll = next() * totalWeight;
    for (const entry of MIX) {
      roll -= entry[2];
      if (roll < 0) return entry;
    }
    return MIX[0] as (typeof MIX)[number];
  };
  const body = (key: BenchKey) => {
    const [method, path] = endpoint();
    const ip = `203.0.113.${1 + Math.floor(next() * 250)}`;
    return JSON.stringify({ key: key.secret, ip, method, path });
  };
  return {
    runId,
    tenantIds,
    keys,
    serviceToken: generateKey(SERVICE_TOKEN_PREFIX),
    admittedBodies: Array.from({ length: BODIES }, () => body(pick(admitted))),
    overLimitBodies: Array.from({ length: BODIES }, () => body(next() < 0.9 ? pick(capped) : pick(admitted))),
  };
}

function snapshot(tenantId: string): PolicySnapshot {
  const now = Date.now();
  return {
    version: 1,
    tenantId,
    slug: tenantId,
    status: "ACTIVE",
    failureMode: "OPEN",
    limits: {
      poolPointsPerMinute: UNLIMITED,
      keyPerMinute: UNLIMITED,
      keyPerHour: UNLIMITED,
      keyBurst: UNLIMITED,
      ipPerMinute: null,
    },
    endpoints: ENDPOINTS,
    adjustments: [],
    origins: [],
    publishedAt: now,
  };
}

function keyRecord(key: BenchKey): KeyRecord {
  const cap = key.capped ? 1 : null;
  return {
    keyId: key.keyId,
    tenantId: key.tenantId,
    name: "bench",
    ...displayParts(key.secret),
    expiresAt: null,
    revokedAt: null,
    perMinute: cap,
    perHour: cap,
    burst: cap,
  };
}

/** Everything the validation API reads: policies, versions, key records and the service token. */
export async function publishBenchData(redis: Redis, data: BenchData): Promise<void> {
  const pipeline = redis.pipeline();
  for (const tenantId of data.tenantIds) {
    pipeline.set(policyKey(tenantId), JSON.stringify(snapshot(tenantId)));
    pipeline.set(policyVersionKey(tenantId), "1");
  }
  for (const key of data.keys)
    pipeline.set(keyRecordKey(hashKey(key.secret)), JSON.stringify(keyRecord(key)));
  pipeline.set(serviceTokenKey(hashKey(data.serviceToken)), JSON.stringify({ id: "bench", name: "bench" }));
  await pipeline.exec();
}

/** The Redis key patterns of this run's counters: ours (`{tenant}:…`) and rate-limiter-flexible's. */
export const counterPatterns = (data: BenchData) => [`{bench-${data.runId}-*`, `rlf-${data.runId}:*`];

/** Deletes every key matching the patterns; returns how many there were. */
export async function deleteMatching(redis: Redis, patterns: string[]): Promise<number> {
  let deleted = 0;
  for (const pattern of patterns) {
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      if (found.length) deleted += await redis.unlink(...found);
      cursor = next;
    } while (cursor !== "0");
  }
  return deleted;
}

/** Removes everything this run wrote to Redis. */
export async function deleteBenchData(redis: Redis, data: BenchData): Promise<number> {
  const published = [
    ...data.tenantIds.flatMap((id) => [policyKey(id), policyVersionKey(id)]),
    ...data.keys.map((key) => keyRecordKey(hashKey(key.secret))),
    serviceTokenKey(hashKey(data.serviceToken)),
  ];
  return (await redis.unlink(...published)) + (await deleteMatching(redis, counterPatterns(data)));
}
