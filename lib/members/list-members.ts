import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

export function listMembers(ctx: TenantContext) {
  return ctx.db.membership.findMany({
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: { createdAt: "asc" },
  });
}

export function listPendingInvitations(ctx: TenantContext) {
  return ctx.db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
