import { notFound } from "@/lib/errors";
import { mutateTenant } from "@/lib/tenancy/mutate";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import type { ChangeRoleInput } from "./member.types";
import { assertAnotherOwnerRemains, assertMayTouchRole } from "./owner-rules";

export async function changeRole(ctx: TenantContext, input: ChangeRoleInput) {
  return mutateTenant(ctx, async (tx, audit) => {
    const member = await tx.membership.findUnique({
      where: { id: input.membershipId },
      include: { user: { select: { email: true } } },
    });
    if (!member) throw notFound("Member not found");
    assertMayTouchRole(ctx.role, member.role, input.role);
    if (member.role === "OWNER" && input.role !== "OWNER") await assertAnotherOwnerRemains(tx, member.id);
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await audit({
      action: "member.role_change",
      target: { type: "membership", id: member.id },
      before: { email: member.user.email, role: member.role },
      after: { email: member.user.email, role: updated.role },
    });
    return updated;
  });
}
