import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

/** The tenant's whitelist in alphabetical order, each with its kind and who added it. */
export async function listOrigins(ctx: TenantContext) {
  const [origins, members] = await Promise.all([
    ctx.db.allowedOrigin.findMany({ orderBy: { origin: "asc" } }),
    ctx.db.membership.findMany({ select: { userId: true, user: { select: { email: true } } } }),
  ]);
  const emails = new Map(members.map((m) => [m.userId, m.user.email]));
  return origins.map((row) => ({
    id: row.id,
    origin: row.origin,
    kind: row.origin.includes("://*.") ? ("wildcard" as const) : ("exact" as const),
    createdAt: row.createdAt,
    createdBy: row.createdById ? (emails.get(row.createdById) ?? "a former member") : "system",
  }));
}
