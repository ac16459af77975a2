import { z } from "zod";
import { emailField, idField, roleField } from "@/lib/validation";

export const inviteMemberSchema = z.object({ email: emailField, role: roleField });
export const changeRoleSchema = z.object({ membershipId: idField, role: roleField });
export const removeMemberSchema = z.object({ membershipId: idField });
export const revokeInvitationSchema = z.object({ invitationId: idField });

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
