import { notFound } from "@/lib/errors";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { assertAnotherOwnerRemains, assertMayTouchRole } from "./owner-rules";

export async function removeMember(ctx: TenantContext, membershipId: string) {
  return mutateTenant(ctx, async (tx, audit) => {
    const member = await tx.membership.findUnique({
      where: { id: membershipId },
      include: { user: { select: { email: true } } },
    });
    if (!member) throw notFound("Member not found");
    assertMayTouchRole(ctx.role, member.role);
    if (member.role === "OWNER") await assertAnotherOwnerRemains(tx, member.id);
    await tx.membership.delete({ where: { id: member.id } });
    await audit({
      action: "member.remove",
      target: { type: "membership", id: member.id },
      before: { email: member.user.email, role: member.role },
    });
  });
}
