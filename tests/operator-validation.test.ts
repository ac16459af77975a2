import { beforeAll, describe, expect, it } from "vitest";
import { startIncidentAction } from "@/app/operator/incident/actions";
import {
  addAdjustmentAction,
  changePlanAction,
  endAdjustmentAction,
  reactivateTenantAction,
} from "@/app/operator/tenants/[id]/actions";
import type { FormState } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { addAdjustment } from "@/lib/operator/add-adjustment";
import { resolveOperator } from "@/lib/operator/resolve-operator";
import { as, createTenantWithOwner, form } from "./support/factories";
import { createOperator, isoFromNow } from "./support/operator";

/** Everything a refused operator action must leave as it was. */
async function writes(tenantId: string) {
  const [tenant, adjustments, incidents, audit] = await Promise.all([
    db().tenant.findUniqueOrThrow({ where: { id: tenantId } }),
    db().adjustment.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    db().incidentMode.count(),
    db().auditEvent.count(),
  ]);
  return { tenant, adjustments, incidents, audit };
}

describe("operator input is validated, and a refusal writes nothing", () => {
  let operatorId: string;
  let tenantId: string;
  let otherTenantId: string;
  beforeAll(async () => {
    operatorId = (await createOperator()).id;
    tenantId = (await createTenantWithOwner("validated")).tenant.id;
    otherTenantId = (await createTenantWithOwner("other")).tenant.id;
  });

  const refused = async (run: () => Promise<FormState>) => {
    const before = await writes(tenantId);
    const state = await as(operatorId, run);
    expect(state.ok).toBe(false);
    expect(await writes(tenantId)).toEqual(before);
    return state;
  };
  const boost = (fields: Record<string, string>) => () =>
    addAdjustmentAction(
      undefined,
      form({ tenantId, multiplier: "2", reason: "Launch", endsAt: isoFromNow(3_600_000), ...fields }),
    );

  const invalidAdjustments: [string, Record<string, string>, string, RegExp][] = [
    ["multiplier 7", { multiplier: "7" }, "multiplier", /0\.1 to 5/],
    ["multiplier 0", { multiplier: "0" }, "multiplier", /0\.1 to 5/],
    ["multiplier 1", { multiplier: "1" }, "multiplier", /changes nothing/],
    ["no multiplier", { multiplier: "" }, "multiplier", /Enter a multiplier/],
    ["an empty reason", { reason: "   " }, "reason", /Give a reason/],
    ["an end time in the past", { endsAt: isoFromNow(-60_000) }, "endsAt", /in the future/],
    ["no end time", { endsAt: "" }, "endsAt", /when it ends/],
    ["an unreadable end time", { endsAt: "next tuesday" }, "endsAt", /when it ends/],
  ];
  for (const [what, fields, field, message] of invalidAdjustments) {
    it(`an adjustment with ${what} is BAD_REQUEST naming ${field}, typed values kept`, async () => {
      const state = await refused(boost(fields));
      expect(state.code).toBe("BAD_REQUEST");
      expect(Object.keys(state.fieldErrors ?? {})).toEqual([field]);
      expect(state.fieldErrors?.[field]).toMatch(message);
      expect(state.values).toMatchObject({ multiplier: "2", reason: "Launch", ...fields });
    });
  }

  it("the service refuses what the form would (multiplier 7)", async () => {
    const ctx = await as(operatorId, () => resolveOperator());
    const before = await writes(tenantId);
    const attempt = addAdjustment(ctx, {
      tenantId,
      multiplier: 7,
      reason: "x",
      endsAt: new Date(Date.now() + 60_000),
    });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST", field: "multiplier" });
    expect(await writes(tenantId)).toEqual(before);
  });

  it("a plan that does not exist is BAD_REQUEST naming planId", async () => {
    const state = await refused(() =>
      changePlanAction(undefined, form({ tenantId, planId: "plan_free_lunch" })),
    );
    expect(state).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { planId: expect.any(String) } });
  });

  it("the plan the tenant is already on is a CONFLICT naming planId", async () => {
    const state = await refused(() =>
      changePlanAction(undefined, form({ tenantId, planId: "plan_developer" })),
    );
    expect(state).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { planId: expect.stringMatching(/already/) },
    });
  });

  it("reactivating an active tenant is a CONFLICT", async () => {
    const state = await refused(() => reactivateTenantAction(undefined, form({ tenantId })));
    expect(state.code).toBe("CONFLICT");
  });

  it("an adjustment of another tenant cannot be ended through this one", async () => {
    const ctx = await as(operatorId, () => resolveOperator());
    const theirs = await addAdjustment(ctx, {
      tenantId: otherTenantId,
      multiplier: 2,
      reason: "Theirs",
      endsAt: new Date(Date.now() + 3_600_000),
    });
    const state = await refused(() =>
      endAdjustmentAction(undefined, form({ tenantId, adjustmentId: theirs.id })),
    );
    expect(state.code).toBe("NOT_FOUND");
    const row = await db().adjustment.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row.endsAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("an unknown tenant is NOT_FOUND", async () => {
    const state = await as(operatorId, () =>
      addAdjustmentAction(
        undefined,
        form({ tenantId: "no-such-tenant", multiplier: "2", reason: "x", endsAt: isoFromNow(60_000) }),
      ),
    );
    expect(state.code).toBe("NOT_FOUND");
  });

  const invalidIncidents: [string, Record<string, string>, string][] = [
    ["multiplier 7", { multiplier: "7", reason: "Breach" }, "multiplier"],
    ["multiplier 1.5", { multiplier: "1.5", reason: "Breach" }, "multiplier"],
    ["an empty reason", { multiplier: "5", reason: "" }, "reason"],
  ];
  for (const [what, fields, field] of invalidIncidents) {
    it(`incident mode with ${what} is BAD_REQUEST naming ${field}`, async () => {
      const state = await refused(() => startIncidentAction(undefined, form(fields)));
      expect(state.code).toBe("BAD_REQUEST");
      expect(Object.keys(state.fieldErrors ?? {})).toEqual([field]);
    });
  }
});
