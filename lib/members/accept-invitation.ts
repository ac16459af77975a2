import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { RequestMeta } from "@/lib/request-context";
import { tenantDb } from "@/lib/tenancy/tenant-db";
import { hashInvitationToken } from "./invite-member";

const INVALID = new AppError(
  "NOT_FOUND",
  "This invitation link is invalid, used or expired. Ask for a new one.",
);

/**
 * Finds a usable invitation by its token, across tenants: the unguessable token is the
 * capability, so this lookup bypasses the tenant gate on purpose.
 */
export async function unsafeFindInvitationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { tenant: { select: { id: true, slug: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date())
    return null;
  return invitation;
}

export type Acceptor = { userId: string } | { name: string; password: string };

/** Joins the invited tenant, creating the account first when the invitee is new. */
export async function acceptInvitation(token: string, acceptor: Acceptor, meta: RequestMeta) {
  const invitation = await unsafeFindInvitationByToken(token);
  if (!invitation) throw INVALID;
  const passwordHash = "password" in acceptor ? await hashPassword(acceptor.password) : null;
  const scoped = tenantDb(invitation.tenantId);
  return scoped.$transaction(async (tx) => {
    const fresh = await tx.invitation.findUnique({ where: { id: invitation.id } });
    if (!fresh || fresh.acceptedAt || fresh.revokedAt) throw INVALID;
    let user: { id: string; email: string };
    if ("userId" in acceptor) {
      const existing = await tx.user.findUnique({ where: { id: acceptor.userId } });
      if (!existing) throw INVALID;
      if (existing.email !== invitation.email)
        throw forbidden(`This invitation was sent to ${invitation.email}`);
      user = existing;
    } else {
      if (await tx.user.findUnique({ where: { email: invitation.email } })) {
        throw new AppError("CONFLICT", "An account with this email exists: sign in to accept");
      }
      user = await tx.user.create({
        data: { email: invitation.email, name: acceptor.name, passwordHash: passwordHash as string },
      });
    }
    const membership = await tx.membership.upsert({
      where: { tenantId_userId: { tenantId: invitation.tenantId, userId: user.id } },
      create: { tenantId: invitation.tenantId, userId: user.id, role: invitation.role },
      update: {},
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await recordAudit(tx, {
      tenantId: invitation.tenantId,
      actor: user,
      action: "member.join",
      target: { type: "membership", id: membership.id },
      after: { email: user.email, role: membership.role, invitationId: invitation.id },
      meta,
    });
    return { tenant: invitation.tenant, user };
  });
}
