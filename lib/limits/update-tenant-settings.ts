import type { FailureMode } from "@/generated/prisma/client";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

/** Tenant-wide enforcement settings a tenant's admins change themselves. */
export type TenantSettings = { ipPerMinute?: number | null; failureMode?: FailureMode };

/** Writes settings with their audit event (the values before and after), then publishes the policy. */
export async function updateTenantSettings(ctx: TenantContext, action: string, settings: TenantSettings) {
  const select = Object.fromEntries(Object.keys(settings).map((field) => [field, true]));
  await mutateTenant(ctx, async (tx, audit) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select });
    await tx.tenant.update({ where: { id: ctx.tenant.id }, data: settings });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({ action, target: { type: "tenant", id: ctx.tenant.id }, before, after: settings });
  });
  await publishAfterCommit(ctx.tenant.id);
}
