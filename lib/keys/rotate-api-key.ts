import { addHours } from "date-fns";
import { AppError, notFound } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { parseInput } from "@/lib/validation";
import { type RotateApiKeyInput, rotateApiKeySchema } from "./api-key.types";
import { auditView, issueApiKey } from "./issue-api-key";

/**
 * Replaces a key with a new one of the same name, limits and expiry. The old secret keeps
 * working for `graceHours` (0: revoked at once) so integrations can switch without downtime.
 * Returns the new key and its secret, shown once.
 */
export async function rotateApiKey(
  ctx: TenantContext,
  keyId: string,
  graceHours: RotateApiKeyInput["graceHours"],
) {
  const input = parseInput(rotateApiKeySchema, { keyId, graceHours });
  const rotated = await mutateTenant(ctx, async (tx, audit) => {
    const old = await tx.apiKey.findUnique({ where: { id: input.keyId } });
    if (!old) throw notFound("API key not found");
    const now = new Date();
    if (old.revokedAt || (old.expiresAt && old.expiresAt <= now))
      throw new AppError("CONFLICT", "This key is revoked or expired: create a new key instead");
    if (old.rotatedToId) throw new AppError("CONFLICT", "This key was already rotated");

    const issued = await issueApiKey(tx, {
      tenantId: ctx.tenant.id,
      name: old.name,
      expiresAt: old.expiresAt,
      createdById: ctx.user.id,
      perMinute: old.perMinute,
      perHour: old.perHour,
      burst: old.burst,
    });
    // No grace: revoked at once. Otherwise it expires when the grace ends, or earlier if it
    // was due to expire sooner anyway.
    const graceEnd = addHours(now, input.graceHours);
    const retirement =
      input.graceHours === 0
        ? { revokedAt: now }
        : { expiresAt: old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd };
    const retired = await tx.apiKey.update({
      where: { id: old.id },
      data: { ...retirement, rotatedToId: issued.key.id },
    });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "key.rotate",
      target: { type: "api_key", id: old.id },
      before: auditView(old),
      after: {
        ...auditView(retired),
        graceHours: input.graceHours,
        newKey: { id: issued.key.id, ...auditView(issued.key) },
      },
    });
    return { ...issued, oldKey: retired };
  });
  await publishAfterCommit(ctx.tenant.id);
  return rotated;
}
