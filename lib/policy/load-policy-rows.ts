import type { ApiKey } from "@/generated/prisma/client";
import { type TenantDb, type TenantTx, tenantDb } from "@/lib/tenancy/tenant-db";
import type { PolicyRows } from "./compile-policy";

type Reader = TenantDb | TenantTx;

/**
 * Reads what a tenant's policy is compiled from, through the tenant gate. The tenant row comes
 * first: whatever is read after it is at least as new as its policyVersion, so a snapshot is
 * never labelled newer than its content. Null when the tenant does not exist.
 */
export async function loadPolicyRows(
  tenantId: string,
  now: Date,
  reader: Reader = tenantDb(tenantId),
): Promise<PolicyRows | null> {
  const tenant = await reader.tenant.findUnique({ where: { id: tenantId }, include: { plan: true } });
  if (!tenant) return null;
  const [endpointRules, adjustments, origins, incident] = await Promise.all([
    reader.endpointRule.findMany({ orderBy: { createdAt: "asc" } }),
    reader.adjustment.findMany({ where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" } }),
    reader.allowedOrigin.findMany({ orderBy: { origin: "asc" } }),
    reader.incidentMode.findFirst({ where: { endedAt: null }, orderBy: { startedAt: "desc" } }),
  ]);
  const { plan, ...tenantRow } = tenant;
  return { tenant: tenantRow, plan, endpointRules, adjustments, origins, incident };
}

/** Every key of the tenant, revoked and expired ones included (the API reports why they fail). */
export function loadTenantKeys(tenantId: string, reader: Reader = tenantDb(tenantId)): Promise<ApiKey[]> {
  return reader.apiKey.findMany({ orderBy: { createdAt: "asc" } });
}
