import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { auditView, issueApiKey } from "@/lib/keys/issue-api-key";
import type { RequestMeta } from "@/lib/request-context";

export const DEMO_PLAN_ID = "plan_developer";
export const DEMO_KEY_NAME = "Demo integration";

/** The endpoints of the requirement documents' limits table (seed 004), costs as points. */
export const DEMO_ENDPOINT_RULES = [
  { method: "POST", pathPattern: "/api/v1/reports/generate", cost: 8, perMinute: 5, exempt: false },
  { method: "POST", pathPattern: "/api/v1/threats/scan", cost: 5, perMinute: 20, exempt: false },
  { method: "GET", pathPattern: "/api/v1/compliance/audit", cost: 3, perMinute: 10, exempt: false },
  { method: "GET", pathPattern: "/api/v1/webhooks", cost: 1, perMinute: null, exempt: true },
  { method: "POST", pathPattern: "/api/v1/webhooks", cost: 1, perMinute: null, exempt: true },
] as const;

/** Data for the demo tenant's row: the Developer plan and the endpoint rules above. */
export function demoTenantData(): Pick<Prisma.TenantCreateInput, "plan" | "endpointRules"> {
  return {
    plan: { connect: { id: DEMO_PLAN_ID } },
    endpointRules: { create: DEMO_ENDPOINT_RULES.map((rule) => ({ ...rule })) },
  };
}

/**
 * Issues the demo tenant's API key, with its audit event, and returns the secret to print
 * once. The worker publishes it with the tenant (its policyVersion is ahead of published).
 */
export async function issueDemoKey(tenantId: string, meta: RequestMeta): Promise<string> {
  return db().$transaction(async (tx) => {
    const { key, secret } = await issueApiKey(tx, {
      tenantId,
      name: DEMO_KEY_NAME,
      expiresAt: null,
      createdById: null,
      perMinute: null,
      perHour: null,
      burst: null,
    });
    await tx.tenant.update({ where: { id: tenantId }, data: { policyVersion: { increment: 1 } } });
    await recordAudit(tx, {
      tenantId,
      actor: "system",
      action: "key.create",
      target: { type: "api_key", id: key.id },
      after: auditView(key),
      meta,
    });
    return secret;
  });
}
