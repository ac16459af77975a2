import type { Tenant } from "@/generated/prisma/client";
import { addOrigin } from "@/lib/cors/add-origin";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { hashKey } from "@/lib/keys/key-format";
import { createServiceToken, revokeServiceToken } from "@/lib/keys/service-tokens";
import { bumpPolicyVersion, publishTenantPolicy } from "@/lib/policy/publish-policy";
import { publishServiceTokens } from "@/lib/policy/publish-service-tokens";
import {
  corsOriginKey,
  corsTenantSlugKey,
  keyRecordKey,
  policyKey,
  policyVersionKey,
  serviceTokenKey,
} from "@/lib/policy/redis-keys";
import { type RedisClient, redis } from "@/lib/redis";
import { resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { tenantDb } from "@/lib/tenancy/tenant-db";
import { as, createTenantWithOwner, unique } from "./factories";

export const LOCAL_REDIS_URL = "redis://127.0.0.1:6379";

type TenantLimits = Partial<
  Pick<Tenant, "poolPointsPerMinute" | "keyPerMinute" | "keyPerHour" | "keyBurst" | "ipPerMinute">
>;
type EndpointRuleInput = {
  method: string;
  pathPattern: string;
  cost?: number;
  perMinute?: number | null;
  exempt?: boolean;
};

export type SeedEnforcementOptions = {
  label?: string;
  /** Tenant overrides of its plan (e.g. `{ keyPerMinute: 5 }` for a fast 429). */
  limits?: TenantLimits;
  endpointRules?: EndpointRuleInput[];
  /** CORS origins, added through the dashboard's service. */
  origins?: string[];
};

export type SeededEnforcement = {
  tenant: Tenant;
  /** The API key's secret, as its owner saw it once. */
  key: string;
  /** A platform service token's secret (`st_live_…`) for POST /v1/check. */
  serviceToken: string;
  /** Revokes the service token and deletes what this seed put in the shared Redis, counters included. */
  cleanup(): Promise<void>;
};

/**
 * A tenant as production makes one: its owner signs up, creates an API key through the key
 * service, the platform issues a service token, and the policy is published to Redis. Plan
 * overrides and endpoint rules are setup shortcuts (direct rows + a policy version bump), then
 * published like any change. Uses REDIS_URL, defaulting to the local Redis.
 */
export async function seedEnforcement(options: SeedEnforcementOptions = {}): Promise<SeededEnforcement> {
  process.env.REDIS_URL ??= LOCAL_REDIS_URL; // read by lib/redis on first use
  const client = redis() as RedisClient;
  const { owner, tenant } = await createTenantWithOwner(options.label ?? "enforced");
  const ctx = await as(owner.id, () => resolveTenant(tenant.slug, ["OWNER"]));
  const { key, secret } = await as(owner.id, () => createApiKey(ctx, { name: "Gateway test integration" }));
  const { token, secret: serviceToken } = await createServiceToken(unique("tests"));
  for (const origin of options.origins ?? []) await as(owner.id, () => addOrigin(ctx, { origin }));

  const rules = options.endpointRules ?? [];
  if (options.limits || rules.length) {
    await tenantDb(tenant.id).$transaction(async (tx) => {
      if (options.limits) await tx.tenant.update({ where: { id: tenant.id }, data: options.limits });
      for (const rule of rules) await tx.endpointRule.create({ data: { tenantId: tenant.id, ...rule } });
      await bumpPolicyVersion(tx, tenant.id);
    });
  }
  // Explicitly, not best effort as after a dashboard change: a test needs the policy in Redis.
  await publishTenantPolicy(tenant.id, client);
  await publishServiceTokens(client);

  const row = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
  return {
    tenant: row,
    key: secret,
    serviceToken,
    cleanup: async () => {
      // Revoked, not just deleted: publishing service tokens writes every unrevoked one in the DB.
      await revokeServiceToken(token.id);
      const counters = await scanKeys(client, `{${tenant.id}}:*`);
      const origins = await db().allowedOrigin.findMany({ where: { tenantId: tenant.id } });
      for (const { origin } of origins) await client.srem(corsOriginKey(origin), tenant.id);
      await client.del(
        corsTenantSlugKey(tenant.slug),
        policyKey(tenant.id),
        policyVersionKey(tenant.id),
        keyRecordKey(key.hash),
        serviceTokenKey(hashKey(serviceToken)),
        ...counters,
      );
    },
  };
}

async function scanKeys(client: RedisClient, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== "0");
  return found;
}
