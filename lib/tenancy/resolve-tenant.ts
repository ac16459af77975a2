import type { Role } from "@/generated/prisma/client";
import { currentIdentity } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { RequestMeta } from "@/lib/request-context";
import { type TenantDb, tenantDb } from "./tenant-db";

export type TenantContext = {
  user: { id: string; email: string; name: string; isOperator: boolean };
  tenant: { id: string; slug: string; name: string; status: "ACTIVE" | "SUSPENDED" };
  role: Role;
  meta: RequestMeta;
  db: TenantDb;
};

/**
 * session → membership → role, in one place. A tenant the caller does not belong to is
 * reported as not found (404), so its existence leaks no more than its data; a role that is
 * not allowed is forbidden (403).
 */
export async function resolveTenant(slug: string, roles: readonly Role[]): Promise<TenantContext> {
  const { userId, meta } = await currentIdentity();
  if (!userId) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  const membership = await db().membership.findFirst({
    where: { userId, tenant: { slug } },
    include: {
      tenant: { select: { id: true, slug: true, name: true, status: true } },
      user: { select: { id: true, email: true, name: true, isOperator: true } },
    },
  });
  if (!membership) throw notFound("Tenant not found");
  if (!roles.includes(membership.role)) throw forbidden();
  return {
    user: membership.user,
    tenant: membership.tenant,
    role: membership.role,
    meta,
    db: tenantDb(membership.tenant.id),
  };
}

/** Lists the tenants the user belongs to, for the switcher. Reads across tenants by user only. */
export function listMyTenants(userId: string) {
  return db().membership.findMany({
    where: { userId },
    select: { role: true, tenant: { select: { slug: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export const ALL_ROLES: readonly Role[] = ["OWNER", "ADMIN", "VIEWER"];
export const MANAGERS: readonly Role[] = ["OWNER", "ADMIN"];
