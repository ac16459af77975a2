import { format } from "date-fns";
import type { Metadata } from "next";
import { ConfirmAction } from "@/components/confirm-action";
import { Card } from "@/components/ui/card";
import { listMembers, listPendingInvitations } from "@/lib/members/list-members";
import { canManage, tenantPage } from "@/lib/tenancy/tenant-page";
import { removeMemberAction, revokeInvitationAction } from "./actions";
import { InviteForm } from "./invite-form";
import { RoleSelect } from "./role-select";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await tenantPage((await params).slug);
  const [members, invitations] = await Promise.all([listMembers(ctx), listPendingInvitations(ctx)]);
  const manage = canManage(ctx.role);
  const isOwner = ctx.role === "OWNER";
  const slug = ctx.tenant.slug;
  return (
    <>
      <h1 className="text-2xl font-semibold">Members</h1>
      {manage ? (
        <Card title="Invite a member" description="They receive an email with a link to join this tenant.">
          <InviteForm tenant={slug} canGrantOwner={isOwner} />
        </Card>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          You are a viewer: you can see the members but not change them.
        </p>
      )}
      <Card title={`People (${members.length})`}>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">Name</th>
              <th className="py-2 font-medium">Email</th>
              <th className="py-2 font-medium">Role</th>
              <th className="py-2 font-medium">Since</th>
              {manage ? <th className="py-2 text-right font-medium">Actions</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => {
              const editable = manage && (isOwner || m.role !== "OWNER");
              return (
                <tr key={m.id} data-testid="member-row" data-email={m.user.email}>
                  <td className="py-3">{m.user.name}</td>
                  <td className="py-3">{m.user.email}</td>
                  <td className="py-3">
                    {editable ? (
                      <RoleSelect
                        tenant={slug}
                        membershipId={m.id}
                        role={m.role}
                        email={m.user.email}
                        canGrantOwner={isOwner}
                      />
                    ) : (
                      <span data-testid="member-role">{m.role.toLowerCase()}</span>
                    )}
                  </td>
                  <td className="py-3 text-slate-500">{format(m.createdAt, "d MMM yyyy")}</td>
                  {manage ? (
                    <td className="py-3 text-right">
                      {editable ? (
                        <ConfirmAction
                          action={removeMemberAction}
                          fields={{ tenant: slug, membershipId: m.id }}
                          label="Remove"
                          question={`Remove ${m.user.email} from ${ctx.tenant.name}?`}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
      <Card title={`Pending invitations (${invitations.length})`}>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">No pending invitations.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {invitations.map((inv) => (
              <li
                key={inv.id}
                className="flex items-center justify-between py-2 text-sm"
                data-testid="invitation-row"
              >
                <span>
                  {inv.email} · {inv.role.toLowerCase()} · expires {format(inv.expiresAt, "d MMM yyyy")}
                </span>
                {manage && (isOwner || inv.role !== "OWNER") ? (
                  <ConfirmAction
                    action={revokeInvitationAction}
                    fields={{ tenant: slug, invitationId: inv.id }}
                    label="Revoke"
                    question={`Revoke the invitation for ${inv.email}?`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
