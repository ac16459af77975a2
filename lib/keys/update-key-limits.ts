import { notFound } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import type { KeyLimits } from "./api-key.types";
import { assertWithinTenantLimits } from "./key-limits";

/** Sets a key's own limits (null: the tenant's value), never above the tenant's. */
export async function updateKeyLimits(ctx: TenantContext, keyId: string, limits: KeyLimits) {
  await mutateTenant(ctx, async (tx, audit) => {
    const key = await tx.apiKey.findUnique({ where: { id: keyId } });
    if (!key) throw notFound("API key not found");
    await assertWithinTenantLimits(tx, ctx.tenant.id, limits);
    await tx.apiKey.update({ where: { id: key.id }, data: limits });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "key.limits_change",
      target: { type: "api_key", id: key.id },
      before: { name: key.name, perMinute: key.perMinute, perHour: key.perHour, burst: key.burst },
      after: { name: key.name, ...limits },
    });
  });
  await publishAfterCommit(ctx.tenant.id);
}
