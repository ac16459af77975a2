import { createHash, randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { appUrl } from "@/lib/app-url";
import { AppError } from "@/lib/errors";
import { deliverPending, enqueueEmail } from "@/lib/mail/outbox";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import type { InviteMemberInput } from "./member.types";
import { assertMayTouchRole } from "./owner-rules";

export const INVITATION_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Invites someone by email. The link's token is emailed once and only its hash is stored;
 * inviting the same address again replaces the pending invitation.
 */
export async function inviteMember(ctx: TenantContext, input: InviteMemberInput) {
  assertMayTouchRole(ctx.role, input.role);
  const token = randomBytes(32).toString("base64url");
  const { invitation, mailId } = await mutateTenant(ctx, async (tx, audit) => {
    const member = await tx.membership.findFirst({
      where: { user: { email: input.email } },
      select: { id: true },
    });
    if (member) throw new AppError("CONFLICT", "This person is already a member", "email");
    const replaced = await tx.invitation.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        tenantId: ctx.tenant.id,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: ctx.user.id,
        expiresAt: addDays(new Date(), INVITATION_DAYS),
      },
    });
    const mailId = await enqueueEmail(tx, "invitation", input.email, {
      tenantName: ctx.tenant.name,
      inviterName: ctx.user.name,
      role: input.role,
      acceptUrl: `${appUrl()}/invite/${token}`,
      expiresInDays: INVITATION_DAYS,
    });
    await audit({
      action: "member.invite",
      target: { type: "invitation", id: created.id },
      after: { email: input.email, role: input.role, expiresAt: created.expiresAt, replaced: replaced.count },
    });
    return { invitation: created, mailId };
  });
  await deliverPending(1, [mailId]).catch((error) =>
    console.error("[mail] delivery failed:", (error as Error).message),
  );
  return invitation;
}
