import type { Role } from "@/generated/prisma/client";
import { AppError, forbidden } from "@/lib/errors";
import type { TenantTx } from "@/lib/tenancy/tenant-db";

/** Only an owner may grant, change or remove the owner role. */
export function assertMayTouchRole(actorRole: Role, ...roles: Role[]): void {
  if (actorRole !== "OWNER" && roles.includes("OWNER"))
    throw forbidden("Only an owner can grant or change the owner role");
}

/**
 * Refuses to leave the tenant without an owner. Runs under the tenant lock taken by
 * `mutateTenant`, so two owners demoting each other at once cannot both pass.
 */
export async function assertAnotherOwnerRemains(tx: TenantTx, leavingMembershipId: string): Promise<void> {
  const others = await tx.membership.count({ where: { role: "OWNER", id: { not: leavingMembershipId } } });
  if (others === 0)
    throw new AppError("CONFLICT", "A tenant needs at least one owner. Make someone else owner first.");
}
