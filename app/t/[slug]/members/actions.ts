"use server";

import { tenantAction } from "@/lib/actions/tenant-action";
import { changeRole } from "@/lib/members/change-role";
import { inviteMember } from "@/lib/members/invite-member";
import {
  changeRoleSchema,
  inviteMemberSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from "@/lib/members/member.types";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { MANAGERS } from "@/lib/tenancy/resolve-tenant";

export const inviteMemberAction = tenantAction(
  { roles: MANAGERS, schema: inviteMemberSchema, revalidate: "/members" },
  async (ctx, input) => {
    await inviteMember(ctx, input);
    return { ok: true, message: `Invitation sent to ${input.email}` };
  },
);

export const changeRoleAction = tenantAction(
  { roles: MANAGERS, schema: changeRoleSchema, revalidate: "/members" },
  async (ctx, input) => {
    await changeRole(ctx, input);
    return { ok: true, message: "Role updated" };
  },
);

export const removeMemberAction = tenantAction(
  { roles: MANAGERS, schema: removeMemberSchema, revalidate: "/members" },
  async (ctx, input) => {
    await removeMember(ctx, input.membershipId);
    return { ok: true, message: "Member removed" };
  },
);

export const revokeInvitationAction = tenantAction(
  { roles: MANAGERS, schema: revokeInvitationSchema, revalidate: "/members" },
  async (ctx, input) => {
    await revokeInvitation(ctx, input.invitationId);
    return { ok: true, message: "Invitation revoked" };
  },
);
