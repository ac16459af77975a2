import { notFound } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

export async function deleteEndpointRule(ctx: TenantContext, ruleId: string) {
  await mutateTenant(ctx, async (tx, audit) => {
    const rule = await tx.endpointRule.findUnique({ where: { id: ruleId } });
    if (!rule) throw notFound("Endpoint rule not found");
    await tx.endpointRule.delete({ where: { id: rule.id } });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "endpoint.delete",
      target: { type: "endpoint_rule", id: rule.id },
      before: {
        method: rule.method,
        pathPattern: rule.pathPattern,
        cost: rule.cost,
        perMinute: rule.perMinute,
        exempt: rule.exempt,
      },
    });
  });
  await publishAfterCommit(ctx.tenant.id);
}
