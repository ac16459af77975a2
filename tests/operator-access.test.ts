import { beforeAll, describe, expect, it } from "vitest";
import { endIncidentAction, startIncidentAction } from "@/app/operator/incident/actions";
import IncidentPage from "@/app/operator/incident/page";
import OperatorLayout from "@/app/operator/layout";
import OperatorTenantsPage from "@/app/operator/page";
import {
  addAdjustmentAction,
  changePlanAction,
  endAdjustmentAction,
  reactivateTenantAction,
  suspendTenantAction,
} from "@/app/operator/tenants/[id]/actions";
import OperatorTenantPage from "@/app/operator/tenants/[id]/page";
import type { FormState } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { addAdjustment } from "@/lib/operator/add-adjustment";
import { resolveOperator } from "@/lib/operator/resolve-operator";
import { listEntryPoints } from "./support/entry-points";
import { addMember, as, createTenantWithOwner, form } from "./support/factories";
import { createOperator, isoFromNow } from "./support/operator";

type World = Awaited<ReturnType<typeof makeWorld>>;

/** A tenant with an admin who is no operator, an operator, and a boost to aim at. */
async function makeWorld() {
  const target = await createTenantWithOwner("target");
  const admin = await addMember(target.tenant.id, "ADMIN");
  const operator = await createOperator();
  const ctx = await as(operator.id, () => resolveOperator());
  const boost = await addAdjustment(ctx, {
    tenantId: target.tenant.id,
    multiplier: 2,
    reason: "Setup boost",
    endsAt: new Date(Date.now() + 3_600_000),
  });
  return { target, admin, operator, boost };
}

/** Everything an operator action could write. */
async function snapshot(w: World) {
  const [tenant, adjustments, incidents, audit] = await Promise.all([
    db().tenant.findUniqueOrThrow({ where: { id: w.target.tenant.id } }),
    db().adjustment.findMany({ where: { tenantId: w.target.tenant.id }, orderBy: { id: "asc" } }),
    db().incidentMode.findMany({ orderBy: { id: "asc" } }),
    db().auditEvent.count(),
  ]);
  return { tenant, adjustments, incidents, audit };
}

const TENANT = "app/operator/tenants/[id]/actions.ts";
const INCIDENT = "app/operator/incident/actions.ts";
const operatorActions: Record<string, (w: World) => Promise<FormState>> = {
  [`${TENANT}#changePlanAction`]: (w) =>
    changePlanAction(undefined, form({ tenantId: w.target.tenant.id, planId: "plan_enterprise" })),
  [`${TENANT}#addAdjustmentAction`]: (w) =>
    addAdjustmentAction(
      undefined,
      form({
        tenantId: w.target.tenant.id,
        multiplier: "5",
        reason: "Sneaky",
        endsAt: isoFromNow(3_600_000),
      }),
    ),
  [`${TENANT}#endAdjustmentAction`]: (w) =>
    endAdjustmentAction(undefined, form({ tenantId: w.target.tenant.id, adjustmentId: w.boost.id })),
  [`${TENANT}#suspendTenantAction`]: (w) =>
    suspendTenantAction(undefined, form({ tenantId: w.target.tenant.id })),
  [`${TENANT}#reactivateTenantAction`]: (w) =>
    reactivateTenantAction(undefined, form({ tenantId: w.target.tenant.id })),
  [`${INCIDENT}#startIncidentAction`]: () =>
    startIncidentAction(undefined, form({ multiplier: "5", reason: "Not my call" })),
  [`${INCIDENT}#endIncidentAction`]: () => endIncidentAction(undefined, form({ incidentId: "whatever" })),
};

/** The digest Next gives the error notFound() throws. */
const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";
const digestOf = (error: unknown) => (error as { digest?: string }).digest;

describe("operator console access", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("lists every operator server action in the code", () => {
    const inCode = listEntryPoints().filter((entry) => entry.startsWith("app/operator/"));
    expect(inCode).toEqual(Object.keys(operatorActions).sort());
  });

  for (const [name, attempt] of Object.entries(operatorActions)) {
    it(`${name}: a tenant admin who is not an operator is FORBIDDEN and nothing is written`, async () => {
      const before = await snapshot(w);
      const state = await as(w.admin.user.id, () => attempt(w));
      expect(state).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await snapshot(w)).toEqual(before);
    });

    it(`${name}: a signed-out caller is refused and nothing is written`, async () => {
      const before = await snapshot(w);
      const state = await as(null, () => attempt(w));
      expect(state).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
      expect(await snapshot(w)).toEqual(before);
    });
  }

  const pages: Record<string, (w: World) => Promise<unknown>> = {
    "/operator (layout)": () => OperatorLayout({ children: null }),
    "/operator": () => OperatorTenantsPage(),
    "/operator/tenants/[id]": (world) =>
      OperatorTenantPage({ params: Promise.resolve({ id: world.target.tenant.id }) }),
    "/operator/incident": () => IncidentPage(),
  };
  for (const [path, render] of Object.entries(pages)) {
    it(`${path}: a tenant admin who is not an operator gets a 404, an operator the page`, async () => {
      const refused = await as(w.admin.user.id, () => render(w)).catch((error: unknown) => error);
      expect(digestOf(refused)).toBe(NOT_FOUND_DIGEST);
      const shown = await as(w.operator.id, () => render(w));
      expect(shown).toBeTruthy();
    });
  }

  it("an unknown tenant id is a 404 for the operator too", async () => {
    const error = await as(w.operator.id, () =>
      OperatorTenantPage({ params: Promise.resolve({ id: "no-such-tenant" }) }),
    ).catch((e: unknown) => e);
    expect(digestOf(error)).toBe(NOT_FOUND_DIGEST);
  });
});
