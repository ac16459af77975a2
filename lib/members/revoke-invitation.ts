import { notFound } from "@/lib/errors";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { assertMayTouchRole } from "./owner-rules";

export async function revokeInvitation(ctx: TenantContext, invitationId: string) {
  return mutateTenant(ctx, async (tx, audit) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
    });
    if (!invitation) throw notFound("Invitation not found");
    assertMayTouchRole(ctx.role, invitation.role);
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await audit({
      action: "invitation.revoke",
      target: { type: "invitation", id: invitation.id },
      before: { email: invitation.email, role: invitation.role },
    });
  });
}
