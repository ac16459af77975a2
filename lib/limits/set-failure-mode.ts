import type { FailureMode } from "@/generated/prisma/client";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

/**
 * What the validation API does with this tenant's requests while Redis does not answer: OPEN
 * decides with each process's local limiter (1/n of every limit), CLOSED answers 503.
 */
export async function setFailureMode(ctx: TenantContext, failureMode: FailureMode) {
  await mutateTenant(ctx, async (tx, audit) => {
    const before = await tx.tenant.findUniqueOrThrow({
      where: { id: ctx.tenant.id },
      select: { failureMode: true },
    });
    await tx.tenant.update({ where: { id: ctx.tenant.id }, data: { failureMode } });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "limits.failure_mode_change",
      target: { type: "tenant", id: ctx.tenant.id },
      before,
      after: { failureMode },
    });
  });
  await publishAfterCommit(ctx.tenant.id);
}
