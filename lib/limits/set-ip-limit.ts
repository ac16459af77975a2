import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

/** Requests per minute from one source IP across the tenant's keys; null removes the limit. */
export async function setIpLimit(ctx: TenantContext, ipPerMinute: number | null) {
  await mutateTenant(ctx, async (tx, audit) => {
    const before = await tx.tenant.findUniqueOrThrow({
      where: { id: ctx.tenant.id },
      select: { ipPerMinute: true },
    });
    await tx.tenant.update({ where: { id: ctx.tenant.id }, data: { ipPerMinute } });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "limits.ip_change",
      target: { type: "tenant", id: ctx.tenant.id },
      before,
      after: { ipPerMinute },
    });
  });
  await publishAfterCommit(ctx.tenant.id);
}
