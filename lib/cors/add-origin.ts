import { AppError } from "@/lib/errors";
import { bumpPolicyVersion, publishAfterCommit } from "@/lib/policy/publish-policy";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { parseInput } from "@/lib/validation";
import { type AddOriginInput, addOriginSchema, MAX_ORIGINS_PER_TENANT } from "./origin.types";

const duplicate = (origin: string) => new AppError("CONFLICT", `${origin} is already on the list`, "origin");

/**
 * Adds an entry to the tenant's CORS whitelist, stored normalized (lower case, punycode, no
 * default port) so that the same origin typed twice is one entry. Enforced once published.
 */
export async function addOrigin(ctx: TenantContext, raw: AddOriginInput) {
  const { origin } = parseInput(addOriginSchema, raw);
  const created = await mutateTenant(ctx, async (tx, audit) => {
    // Through the tenant gate: both reads see this tenant's entries only.
    if (await tx.allowedOrigin.findFirst({ where: { origin } })) throw duplicate(origin);
    if ((await tx.allowedOrigin.count()) >= MAX_ORIGINS_PER_TENANT) {
      throw new AppError(
        "BAD_REQUEST",
        `At most ${MAX_ORIGINS_PER_TENANT} origins: remove one, or cover subdomains with a wildcard`,
        "origin",
      );
    }
    const row = await tx.allowedOrigin
      .create({ data: { tenantId: ctx.tenant.id, origin, createdById: ctx.user.id } })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, "origin") ? duplicate(origin) : error;
      });
    await bumpPolicyVersion(tx, ctx.tenant.id);
    await audit({
      action: "cors.origin_add",
      target: { type: "allowed_origin", id: row.id },
      after: { origin: row.origin },
    });
    return row;
  });
  await publishAfterCommit(ctx.tenant.id);
  return created;
}
