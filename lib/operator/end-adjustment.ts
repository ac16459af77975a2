import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { adjustmentView } from "./adjustment-view";
import { changeTenantAsOperator } from "./change-tenant-as-operator";
import { type EndAdjustmentInput, endAdjustmentSchema } from "./end-adjustment.types";
import type { OperatorContext } from "./resolve-operator";

/** Ends a boost or penalty now (a scheduled one then never starts). The row stays as history. */
export async function endAdjustment(ctx: OperatorContext, raw: EndAdjustmentInput) {
  const input = parseInput(endAdjustmentSchema, raw);
  return changeTenantAsOperator(ctx, input.tenantId, async (tx, _tenant, audit) => {
    // Through the tenant gate: another tenant's adjustment id matches nothing here.
    const adjustment = await tx.adjustment.findUnique({ where: { id: input.adjustmentId } });
    if (!adjustment) throw notFound("Adjustment not found");
    const now = new Date();
    if (adjustment.endsAt <= now) throw new AppError("CONFLICT", "This adjustment has already ended");
    const ended = await tx.adjustment.update({ where: { id: adjustment.id }, data: { endsAt: now } });
    await audit({
      action: "adjustment.end",
      target: { type: "adjustment", id: adjustment.id },
      before: adjustmentView(adjustment),
      after: adjustmentView(ended),
    });
    return ended;
  });
}
