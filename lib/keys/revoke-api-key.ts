import { AppError, notFound } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { auditView } from "./issue-api-key";

/**
 * Revokes one key at once. Its record stays published (for at least 7 days) so the
 * validation API answers KEY_REVOKED rather than INVALID_KEY.
 */
export async function revokeApiKey(ctx: TenantContext, keyId: string) {
  const revoked = await mutateTenant(ctx, async (tx, audit) => {
    // Through the tenant gate: another tenant's key id matches nothing here.
    const key = await tx.apiKey.findUnique({ where: { id: keyId } });
    if (!key) throw notFound("API key not found");
    if (key.revokedAt) throw new AppError("CONFLICT", "This key is already revoked");
    const updated = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "key.revoke",
      target: { type: "api_key", id: key.id },
      before: auditView(key),
      after: auditView(updated),
    });
    return updated;
  });
  await publishAfterCommit(ctx.tenant.id);
  return revoked;
}
