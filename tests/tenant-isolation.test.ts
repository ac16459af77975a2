import { beforeAll, describe, expect, it } from "vitest";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { GET as exportAudit } from "@/app/api/t/[slug]/audit/export/route";
import { acceptAsMemberAction, acceptAsNewUserAction } from "@/app/invite/[token]/actions";
import { endIncidentAction, startIncidentAction } from "@/app/operator/incident/actions";
import {
  addAdjustmentAction,
  changePlanAction,
  endAdjustmentAction,
  reactivateTenantAction,
  suspendTenantAction,
} from "@/app/operator/tenants/[id]/actions";
import { addOriginAction, removeOriginAction } from "@/app/t/[slug]/cors/actions";
import { clearCounterAction } from "@/app/t/[slug]/counters/actions";
import {
  createKeyAction,
  revokeKeyAction,
  rotateKeyAction,
  testKeyAction,
} from "@/app/t/[slug]/keys/actions";
import {
  createRuleAction,
  deleteRuleAction,
  setFailureModeAction,
  setIpLimitAction,
  simulateAction,
  updateKeyLimitsAction,
  updateRuleAction,
} from "@/app/t/[slug]/limits/actions";
import {
  changeRoleAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/app/t/[slug]/members/actions";
import type { FormState } from "@/lib/actions/form-state";
import { addOrigin } from "@/lib/cors/add-origin";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { inviteMember } from "@/lib/members/invite-member";
import { resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { listEntryPoints } from "./support/entry-points";
import { addMember, as, createTenantWithOwner, form } from "./support/factories";

type World = Awaited<ReturnType<typeof makeWorld>>;

/** Tenant A with a member and a pending invitation; tenant B whose owner is the attacker. */
async function makeWorld() {
  const a = await createTenantWithOwner("a");
  const b = await createTenantWithOwner("b");
  const aViewer = await addMember(a.tenant.id, "VIEWER");
  const aCtx = await as(a.owner.id, () => resolveTenant(a.tenant.slug, ["OWNER"]));
  const aInvitation = await inviteMember(aCtx, { email: "pending@a.test", role: "VIEWER" });
  const aKey = await createApiKey(aCtx, { name: "A's integration" });
  const aRule = await db().endpointRule.create({
    data: { tenantId: a.tenant.id, method: "GET", pathPattern: "/a-secret-path", cost: 2 },
  });
  const aOrigin = await addOrigin(aCtx, { origin: "https://a.example.com" });
  return { a, b, aViewer, aInvitation, aKey: aKey.key, aRule, aOrigin };
}

async function snapshotOfA(w: World) {
  const where = { where: { tenantId: w.a.tenant.id }, orderBy: { id: "asc" as const } };
  const [memberships, invitations, keys, rules, origins, adjustments, tenant, audit] = await Promise.all([
    db().membership.findMany(where),
    db().invitation.findMany(where),
    db().apiKey.findMany(where),
    db().endpointRule.findMany(where),
    db().allowedOrigin.findMany(where),
    db().adjustment.findMany(where),
    db().tenant.findUnique({ where: { id: w.a.tenant.id } }),
    db().auditEvent.count({ where: { tenantId: w.a.tenant.id } }),
  ]);
  return { memberships, invitations, keys, rules, origins, adjustments, tenant, audit };
}

const SCOPED_TO_CALLER = [
  "#inviteMemberAction",
  "#createKeyAction",
  "#testKeyAction",
  "#createRuleAction",
  "#setIpLimitAction",
  "#setFailureModeAction",
  "#addOriginAction",
  "#GET",
];

type Attack = (w: World, slug: string) => Promise<FormState | Response>;
const tenantActions: Record<string, Attack> = {
  "app/t/[slug]/members/actions.ts#inviteMemberAction": (_w, slug) =>
    inviteMemberAction(undefined, form({ tenant: slug, email: "mallory@b.test", role: "OWNER" })),
  "app/t/[slug]/members/actions.ts#changeRoleAction": (w, slug) =>
    changeRoleAction(undefined, form({ tenant: slug, membershipId: w.aViewer.membership.id, role: "OWNER" })),
  "app/t/[slug]/members/actions.ts#removeMemberAction": (w, slug) =>
    removeMemberAction(undefined, form({ tenant: slug, membershipId: w.aViewer.membership.id })),
  "app/t/[slug]/members/actions.ts#revokeInvitationAction": (w, slug) =>
    revokeInvitationAction(undefined, form({ tenant: slug, invitationId: w.aInvitation.id })),
  "app/t/[slug]/keys/actions.ts#createKeyAction": (_w, slug) =>
    createKeyAction(undefined, form({ tenant: slug, name: "Mallory's key" })),
  "app/t/[slug]/keys/actions.ts#revokeKeyAction": (w, slug) =>
    revokeKeyAction(undefined, form({ tenant: slug, keyId: w.aKey.id })),
  "app/t/[slug]/keys/actions.ts#rotateKeyAction": (w, slug) =>
    rotateKeyAction(undefined, form({ tenant: slug, keyId: w.aKey.id, graceHours: "0" })),
  "app/t/[slug]/keys/actions.ts#testKeyAction": (_w, slug) =>
    testKeyAction(undefined, form({ tenant: slug, secret: "sk_live_not_a_real_key" })),
  "app/t/[slug]/limits/actions.ts#createRuleAction": (_w, slug) =>
    createRuleAction(undefined, form({ tenant: slug, method: "GET", pathPattern: "/mallory", cost: "1" })),
  "app/t/[slug]/limits/actions.ts#updateRuleAction": (w, slug) =>
    updateRuleAction(
      undefined,
      form({ tenant: slug, ruleId: w.aRule.id, method: "GET", pathPattern: "/x", cost: "9" }),
    ),
  "app/t/[slug]/limits/actions.ts#deleteRuleAction": (w, slug) =>
    deleteRuleAction(undefined, form({ tenant: slug, ruleId: w.aRule.id })),
  "app/t/[slug]/limits/actions.ts#setIpLimitAction": (_w, slug) =>
    setIpLimitAction(undefined, form({ tenant: slug, ipPerMinute: "1" })),
  "app/t/[slug]/limits/actions.ts#setFailureModeAction": (_w, slug) =>
    setFailureModeAction(undefined, form({ tenant: slug, failureMode: "CLOSED" })),
  "app/t/[slug]/limits/actions.ts#updateKeyLimitsAction": (w, slug) =>
    updateKeyLimitsAction(undefined, form({ tenant: slug, keyId: w.aKey.id, perMinute: "1" })),
  "app/t/[slug]/limits/actions.ts#simulateAction": (w, slug) =>
    simulateAction(
      undefined,
      form({ tenant: slug, keyId: w.aKey.id, method: "GET", path: "/a-secret-path" }),
    ),
  "app/t/[slug]/counters/actions.ts#clearCounterAction": (w, slug) =>
    clearCounterAction(
      undefined,
      form({ tenant: slug, target: JSON.stringify({ kind: "key-all", keyId: w.aKey.id }) }),
    ),
  "app/t/[slug]/cors/actions.ts#addOriginAction": (_w, slug) =>
    addOriginAction(undefined, form({ tenant: slug, origin: "https://mallory.example" })),
  "app/t/[slug]/cors/actions.ts#removeOriginAction": (w, slug) =>
    removeOriginAction(undefined, form({ tenant: slug, originId: w.aOrigin.id })),
  "app/api/t/[slug]/audit/export/route.ts#GET": (_w, slug) =>
    exportAudit(new Request(`http://test/api/t/${slug}/audit/export`), { params: Promise.resolve({ slug }) }),
};

/** Operator console: B's owner (not an operator) is refused, whatever tenant id it names. */
const operatorOnly: Record<string, (w: World) => Promise<FormState>> = {
  "app/operator/tenants/[id]/actions.ts#changePlanAction": (w) =>
    changePlanAction(undefined, form({ tenantId: w.a.tenant.id, planId: "plan_enterprise" })),
  "app/operator/tenants/[id]/actions.ts#addAdjustmentAction": (w) =>
    addAdjustmentAction(
      undefined,
      form({
        tenantId: w.a.tenant.id,
        multiplier: "5",
        reason: "mine",
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    ),
  "app/operator/tenants/[id]/actions.ts#endAdjustmentAction": (w) =>
    endAdjustmentAction(undefined, form({ tenantId: w.a.tenant.id, adjustmentId: "any" })),
  "app/operator/tenants/[id]/actions.ts#suspendTenantAction": (w) =>
    suspendTenantAction(undefined, form({ tenantId: w.a.tenant.id })),
  "app/operator/tenants/[id]/actions.ts#reactivateTenantAction": (w) =>
    reactivateTenantAction(undefined, form({ tenantId: w.a.tenant.id })),
  "app/operator/incident/actions.ts#startIncidentAction": () =>
    startIncidentAction(undefined, form({ multiplier: "5", reason: "mine" })),
  "app/operator/incident/actions.ts#endIncidentAction": () =>
    endIncidentAction(undefined, form({ incidentId: "any" })),
};

/** Entry points that take no tenant id, and why they need no row in the matrix above. */
const notTenantScoped: Record<string, string> = {
  "app/(auth)/login/actions.ts#signInAction": "public: credentials only",
  "app/(auth)/signup/actions.ts#signUpAction": "public: creates a new tenant",
  "app/session/actions.ts#signOutAction": "public: ends the caller's own session",
  "app/tenants/new/actions.ts#createTenantAction": "creates a new tenant owned by the caller",
  "app/invite/[token]/actions.ts#acceptAsNewUserAction": "the secret token is the capability (tested below)",
  "app/invite/[token]/actions.ts#acceptAsMemberAction": "the secret token is the capability (tested below)",
  "app/api/auth/[...nextauth]/route.ts#GET": "next-auth endpoints",
  "app/api/auth/[...nextauth]/route.ts#POST": "next-auth endpoints",
  "app/api/health/route.ts#GET": "public liveness probe",
};

async function statusOf(result: FormState | Response): Promise<{ status: string; body: string }> {
  if (result instanceof Response) return { status: String(result.status), body: await result.text() };
  return { status: result.code ?? (result.ok ? "OK" : "?"), body: JSON.stringify(result) };
}

describe("tenant isolation", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("covers every server action and route handler in the code", () => {
    const covered = [
      ...Object.keys(tenantActions),
      ...Object.keys(operatorOnly),
      ...Object.keys(notTenantScoped),
    ].sort();
    expect(listEntryPoints()).toEqual(covered);
  });

  for (const [name, attack] of Object.entries(tenantActions)) {
    it(`${name}: B's owner using A's slug gets 404 and changes nothing`, async () => {
      const before = await snapshotOfA(w);
      const { status, body } = await statusOf(await as(w.b.owner.id, () => attack(w, w.a.tenant.slug)));
      expect(["NOT_FOUND", "404"]).toContain(status);
      expect(body).not.toContain(w.a.tenant.name);
      expect(body).not.toContain(w.aViewer.user.email);
      expect(await snapshotOfA(w)).toEqual(before);
    });

    it(`${name}: B's owner using B's slug with A's ids reaches nothing of A`, async () => {
      const before = await snapshotOfA(w);
      const { status, body } = await statusOf(await as(w.b.owner.id, () => attack(w, w.b.tenant.slug)));
      expect(body).not.toContain(w.aViewer.user.email);
      expect(body).not.toContain(w.a.owner.email);
      // Actions that only create or read within B may succeed there; none may touch A.
      if (!SCOPED_TO_CALLER.some((suffix) => name.endsWith(suffix))) expect(status).toBe("NOT_FOUND");
      expect(await snapshotOfA(w)).toEqual(before);
    });

    it(`${name}: a signed-out caller is refused`, async () => {
      const { status } = await statusOf(await as(null, () => attack(w, w.a.tenant.slug)));
      expect(["UNAUTHENTICATED", "401"]).toContain(status);
    });
  }

  for (const [name, attack] of Object.entries(operatorOnly)) {
    it(`${name}: a tenant owner who is not an operator is refused and nothing changes`, async () => {
      const before = await snapshotOfA(w);
      const incidents = await db().incidentMode.count();
      expect((await as(w.b.owner.id, () => attack(w))).code).toBe("FORBIDDEN");
      expect((await as(null, () => attack(w))).code).toBe("UNAUTHENTICATED");
      expect(await snapshotOfA(w)).toEqual(before);
      expect(await db().incidentMode.count()).toBe(incidents);
    });
  }

  it("a made-up invitation token reaches no tenant", async () => {
    const before = await snapshotOfA(w);
    const asNew = await as(null, () =>
      acceptAsNewUserAction(
        undefined,
        form({ token: "x".repeat(43), name: "Mallory", password: "long-enough-password" }),
      ),
    );
    const asMember = await as(w.b.owner.id, () =>
      acceptAsMemberAction(undefined, form({ token: "y".repeat(43) })),
    );
    expect(asNew.code).toBe("NOT_FOUND");
    expect(asMember.code).toBe("NOT_FOUND");
    expect(await snapshotOfA(w)).toEqual(before);
  });

  it("sign-up refuses bad input without writing", async () => {
    const users = await db().user.count();
    const signUp = await as(null, () => signUpAction(undefined, form({ email: "nope" })));
    expect(signUp.code).toBe("BAD_REQUEST");
    expect(await db().user.count()).toBe(users);
  });
});
