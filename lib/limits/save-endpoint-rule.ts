import { AppError, notFound } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import type { EndpointRuleInput } from "./limits.types";

const DUPLICATE = new AppError(
  "CONFLICT",
  "There is already a rule for this method and path: edit it instead",
  "pathPattern",
);

type RuleFields = {
  method: string;
  pathPattern: string;
  cost: number;
  perMinute?: number | null;
  exempt: boolean;
};

const view = (r: RuleFields) => ({
  method: r.method,
  pathPattern: r.pathPattern,
  cost: r.cost,
  perMinute: r.perMinute ?? null,
  exempt: r.exempt,
});

/** Creates (no ruleId) or updates an endpoint rule; enforced once published. */
export async function saveEndpointRule(ctx: TenantContext, input: EndpointRuleInput & { ruleId?: string }) {
  const data = view(input);
  try {
    const rule = await mutateTenant(ctx, async (tx, audit) => {
      const before = input.ruleId ? await tx.endpointRule.findUnique({ where: { id: input.ruleId } }) : null;
      if (input.ruleId && !before) throw notFound("Endpoint rule not found");
      const saved = before
        ? await tx.endpointRule.update({ where: { id: before.id }, data })
        : await tx.endpointRule.create({ data: { ...data, tenantId: ctx.tenant.id } });
      await bumpPolicyVersion(tx, ctx.tenant.id);
      await audit({
        action: before ? "endpoint.update" : "endpoint.create",
        target: { type: "endpoint_rule", id: saved.id },
        before: before ? view(before) : undefined,
        after: data,
      });
      return saved;
    });
    await publishAfterCommit(ctx.tenant.id);
    return rule;
  } catch (error) {
    if (isUniqueViolation(error, "pathPattern") || isUniqueViolation(error, "method")) throw DUPLICATE;
    throw error;
  }
}
