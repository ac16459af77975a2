import { parseInput } from "@/lib/validation";
import { activeMultiplier } from "./active-multiplier";
import { type AddAdjustmentInput, addAdjustmentSchema } from "./add-adjustment.types";
import { adjustmentView } from "./adjustment-view";
import { changeTenantAsOperator } from "./change-tenant-as-operator";
import type { OperatorContext } from "./resolve-operator";

/**
 * A boost (multiplier > 1) or penalty (< 1) of every limit of a tenant, from now until `endsAt`.
 * No job ends it: the published snapshot carries endsAt and the validation API stops applying
 * it at that moment.
 */
export async function addAdjustment(ctx: OperatorContext, raw: AddAdjustmentInput) {
  const input = parseInput(addAdjustmentSchema, raw);
  return changeTenantAsOperator(ctx, input.tenantId, async (tx, tenant, audit) => {
    const now = new Date();
    const current = await tx.adjustment.findMany({ where: { endsAt: { gt: now } } });
    const created = await tx.adjustment.create({
      data: {
        tenantId: tenant.id,
        multiplier: input.multiplier,
        reason: input.reason,
        startsAt: now,
        endsAt: input.endsAt,
        createdById: ctx.user.id,
      },
    });
    // before/after: the tenant's combined multiplier, so the event says what changed in effect.
    await audit({
      action: "adjustment.create",
      target: { type: "adjustment", id: created.id },
      before: { multiplier: activeMultiplier(current, null, now) },
      after: {
        multiplier: activeMultiplier([...current, created], null, now),
        adjustment: adjustmentView(created),
      },
    });
    return created;
  });
}
