import { db } from "@/lib/db";

/** Operator view across tenants: callers must have checked `isOperator` first. */
export function listAllTenants() {
  return db().tenant.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      createdAt: true,
      _count: { select: { memberships: true } },
    },
    orderBy: { createdAt: "asc" },
  });
}
