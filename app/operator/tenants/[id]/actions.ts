"use server";

import { operatorAction } from "@/lib/actions/operator-action";
import { addAdjustment } from "@/lib/operator/add-adjustment";
import { addAdjustmentFormSchema } from "@/lib/operator/add-adjustment.types";
import { changePlan } from "@/lib/operator/change-plan";
import { changePlanSchema } from "@/lib/operator/change-plan.types";
import { endAdjustment } from "@/lib/operator/end-adjustment";
import { endAdjustmentSchema } from "@/lib/operator/end-adjustment.types";
import { setTenantStatus } from "@/lib/operator/set-tenant-status";
import { tenantTargetSchema } from "@/lib/operator/set-tenant-status.types";

/** The list shows plan, status and usage too: re-render it with the detail page. */
const tenantPages = (input: { tenantId: string }) => ["/operator", `/operator/tenants/${input.tenantId}`];

export const changePlanAction = operatorAction(
  { schema: changePlanSchema, revalidate: tenantPages },
  async (ctx, input) => {
    const { plan } = await changePlan(ctx, input);
    return { ok: true, message: `Moved to the ${plan.name} plan` };
  },
);

export const addAdjustmentAction = operatorAction(
  { schema: addAdjustmentFormSchema, revalidate: tenantPages },
  async (ctx, input) => {
    const created = await addAdjustment(ctx, input);
    return {
      ok: true,
      message: `${created.multiplier > 1 ? "Boost" : "Penalty"} of ×${created.multiplier} added`,
    };
  },
);

export const endAdjustmentAction = operatorAction(
  { schema: endAdjustmentSchema, revalidate: tenantPages },
  async (ctx, input) => {
    await endAdjustment(ctx, input);
    return { ok: true, message: "Adjustment ended" };
  },
);

export const suspendTenantAction = operatorAction(
  { schema: tenantTargetSchema, revalidate: tenantPages },
  async (ctx, input) => {
    await setTenantStatus(ctx, { tenantId: input.tenantId, status: "SUSPENDED" });
    return { ok: true, message: "Tenant suspended" };
  },
);

export const reactivateTenantAction = operatorAction(
  { schema: tenantTargetSchema, revalidate: tenantPages },
  async (ctx, input) => {
    await setTenantStatus(ctx, { tenantId: input.tenantId, status: "ACTIVE" });
    return { ok: true, message: "Tenant reactivated" };
  },
);
