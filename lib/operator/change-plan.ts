import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { type ChangePlanInput, changePlanSchema } from "./change-plan.types";
import { changeTenantAsOperator } from "./change-tenant-as-operator";
import type { OperatorContext } from "./resolve-operator";

/** Moves a tenant to another plan; its limits follow at once (tenant overrides stay). */
export async function changePlan(ctx: OperatorContext, raw: ChangePlanInput) {
  const input = parseInput(changePlanSchema, raw);
  return changeTenantAsOperator(ctx, input.tenantId, async (tx, tenant, audit) => {
    const plan = await tx.plan.findUnique({ where: { id: input.planId } });
    if (!plan) throw new AppError("BAD_REQUEST", "Choose a plan from the list", "planId");
    if (plan.id === tenant.planId)
      throw new AppError("CONFLICT", `The tenant is already on ${plan.name}`, "planId");
    const updated = await tx.tenant.update({ where: { id: tenant.id }, data: { planId: plan.id } });
    await audit({
      action: "tenant.plan_change",
      target: { type: "tenant", id: tenant.id },
      before: { planId: tenant.planId, plan: tenant.plan.name },
      after: { planId: updated.planId, plan: plan.name },
    });
    return { plan };
  });
}
