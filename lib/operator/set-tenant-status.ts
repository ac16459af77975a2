import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { changeTenantAsOperator } from "./change-tenant-as-operator";
import type { OperatorContext } from "./resolve-operator";
import { type SetTenantStatusInput, setTenantStatusSchema } from "./set-tenant-status.types";

/**
 * Suspends or reactivates a tenant. Suspension is enforced by the validation API: every key of
 * a suspended tenant is answered 403 TENANT_SUSPENDED once the policy is published.
 */
export async function setTenantStatus(ctx: OperatorContext, raw: SetTenantStatusInput) {
  const input = parseInput(setTenantStatusSchema, raw);
  return changeTenantAsOperator(ctx, input.tenantId, async (tx, tenant, audit) => {
    if (tenant.status === input.status) {
      const already = input.status === "SUSPENDED" ? "already suspended" : "already active";
      throw new AppError("CONFLICT", `The tenant is ${already}`);
    }
    const updated = await tx.tenant.update({ where: { id: tenant.id }, data: { status: input.status } });
    await audit({
      action: input.status === "SUSPENDED" ? "tenant.suspend" : "tenant.reactivate",
      target: { type: "tenant", id: tenant.id },
      before: { status: tenant.status },
      after: { status: updated.status },
    });
    return updated;
  });
}
