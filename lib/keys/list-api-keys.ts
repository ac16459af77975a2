import type { TenantContext } from "@/lib/tenancy/resolve-tenant";

export type KeyStatus = "active" | "rotating" | "expired" | "revoked";

export function keyStatus(
  key: { revokedAt: Date | null; expiresAt: Date | null; rotatedToId: string | null },
  now = new Date(),
): KeyStatus {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  if (key.rotatedToId) return "rotating";
  return "active";
}

/** The tenant's keys, newest first, with the creator's email (members only: the gate keeps it in-tenant). */
export async function listApiKeys(ctx: TenantContext) {
  const [keys, members] = await Promise.all([
    ctx.db.apiKey.findMany({ orderBy: { createdAt: "desc" } }),
    ctx.db.membership.findMany({ select: { userId: true, user: { select: { email: true } } } }),
  ]);
  const emails = new Map(members.map((m) => [m.userId, m.user.email]));
  return keys.map((key) => ({
    ...key,
    status: keyStatus(key),
    createdBy: key.createdById ? (emails.get(key.createdById) ?? "a former member") : "system",
  }));
}
