import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-context";
import { DEMO_MEMBERS, DEMO_PASSWORD, DEMO_TENANT } from "./demo-accounts";
import {
  DEMO_ENDPOINT_RULES,
  DEMO_KEY_NAME,
  DEMO_PLAN_ID,
  demoTenantData,
  issueDemoKey,
} from "./demo-enforcement";

export type DemoOutcome = {
  added: string[];
  /** The demo API key's secret, only on the run that created the tenant (print it once). */
  apiKeySecret: string | null;
};

/**
 * Creates the demo tenant (Developer plan, the demo endpoint rules and an API key) and its
 * members, skipping whatever already exists, so running it again changes nothing.
 */
export async function ensureDemoTenant(meta: RequestMeta): Promise<DemoOutcome> {
  const added: string[] = [];
  let apiKeySecret: string | null = null;
  let tenant = await db().tenant.findUnique({ where: { slug: DEMO_TENANT.slug } });
  if (!tenant) {
    tenant = await db().$transaction(async (tx) => {
      const created = await tx.tenant.create({ data: { ...DEMO_TENANT, ...demoTenantData() } });
      await recordAudit(tx, {
        tenantId: created.id,
        actor: "system",
        action: "tenant.create",
        target: { type: "tenant", id: created.id },
        after: {
          slug: created.slug,
          name: created.name,
          planId: DEMO_PLAN_ID,
          endpointRules: DEMO_ENDPOINT_RULES,
        },
        meta,
      });
      return created;
    });
    added.push(`tenant ${tenant.slug}`);
    apiKeySecret = await issueDemoKey(tenant.id, meta);
    added.push(`API key "${DEMO_KEY_NAME}"`);
  }

  for (const member of DEMO_MEMBERS) {
    if (await addDemoMember(tenant.id, member, meta))
      added.push(`${member.role.toLowerCase()} ${member.email}`);
  }
  return { added, apiKeySecret };
}

/** Creates the user if needed and the membership if missing; false when both existed. */
async function addDemoMember(
  tenantId: string,
  member: (typeof DEMO_MEMBERS)[number],
  meta: RequestMeta,
): Promise<boolean> {
  const user = await db().user.findUnique({ where: { email: member.email }, select: { id: true } });
  if (user) {
    const membership = await db().membership.findUnique({
      where: { tenantId_userId: { tenantId, userId: user.id } },
      select: { id: true },
    });
    if (membership) return false;
  }

  // A nested create: a new demo user and their membership go in with one statement.
  const userLink = user
    ? { connect: { id: user.id } }
    : { create: { email: member.email, name: member.name, passwordHash: await hashPassword(DEMO_PASSWORD) } };
  await db().$transaction(async (tx) => {
    const membership = await tx.membership.create({
      data: { role: member.role, tenant: { connect: { id: tenantId } }, user: userLink },
    });
    await recordAudit(tx, {
      tenantId,
      actor: "system",
      action: "member.add",
      target: { type: "membership", id: membership.id },
      after: { email: member.email, role: member.role },
      meta,
    });
  });
  return true;
}
