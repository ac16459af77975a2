import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { parseInput } from "@/lib/validation";
import { type CreateApiKeyInput, createApiKeySchema } from "./api-key.types";
import { auditView, issueApiKey } from "./issue-api-key";
import { assertWithinTenantLimits } from "./key-limits";

/**
 * Issues an API key for an integration. Returns the secret: show it once, it cannot be
 * recovered (only its SHA-256 is stored). The key is enforceable as soon as it is published.
 */
export async function createApiKey(ctx: TenantContext, raw: CreateApiKeyInput) {
  const input = parseInput(createApiKeySchema, raw);
  const limits = {
    perMinute: input.perMinute ?? null,
    perHour: input.perHour ?? null,
    burst: input.burst ?? null,
  };
  const created = await mutateTenant(ctx, async (tx, audit) => {
    await assertWithinTenantLimits(tx, ctx.tenant.id, limits);
    const issued = await issueApiKey(tx, {
      tenantId: ctx.tenant.id,
      name: input.name,
      expiresAt: input.expiresAt ?? null,
      createdById: ctx.user.id,
      ...limits,
    });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "key.create",
      target: { type: "api_key", id: issued.key.id },
      after: auditView(issued.key),
    });
    return issued;
  });
  await publishAfterCommit(ctx.tenant.id);
  return created;
}
