import { notFound } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

/** Removes one whitelist entry; browsers on that origin are refused once it is published. */
export async function removeOrigin(ctx: TenantContext, originId: string) {
  const removed = await mutateTenant(ctx, async (tx, audit) => {
    // Through the tenant gate: another tenant's entry id matches nothing here.
    const row = await tx.allowedOrigin.findUnique({ where: { id: originId } });
    if (!row) throw notFound("Origin not found");
    await tx.allowedOrigin.delete({ where: { id: row.id } });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "cors.origin_remove",
      target: { type: "allowed_origin", id: row.id },
      before: { origin: row.origin },
    });
    return row;
  });
  await publishAfterCommit(ctx.tenant.id);
  return removed;
}
