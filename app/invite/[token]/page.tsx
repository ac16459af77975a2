import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { SignOutButton } from "@/components/sign-out-button";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { unsafeFindInvitationByToken } from "@/lib/members/accept-invitation";
import { MemberAcceptForm, NewAccountAcceptForm } from "./accept-forms";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await unsafeFindInvitationByToken(token);
  if (!invitation) {
    return (
      <AuthShell title="Invitation not valid">
        <p className="text-sm text-slate-700">
          This link is invalid, already used or expired. Ask for a new invitation.
        </p>
      </AuthShell>
    );
  }
  const title = `Join ${invitation.tenant.name}`;
  const role = invitation.role.toLowerCase();
  const user = await currentUser();
  if (user && user.email !== invitation.email) {
    return (
      <AuthShell title={title}>
        <p className="mb-4 text-sm text-slate-700">
          This invitation is for {invitation.email}, but you are signed in as {user.email}. Sign out, then
          open the link again.
        </p>
        <SignOutButton />
      </AuthShell>
    );
  }
  if (user) {
    return (
      <AuthShell title={title}>
        <p className="mb-4 text-sm text-slate-700">You were invited to join as {role}.</p>
        <MemberAcceptForm token={token} />
      </AuthShell>
    );
  }
  const hasAccount = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (hasAccount) {
    return (
      <AuthShell title={title}>
        <p className="mb-4 text-sm text-slate-700">
          You were invited as {role}. Sign in as {invitation.email} to accept.
        </p>
        <Link className={buttonClass()} href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
          Sign in to accept
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={title}>
      <p className="mb-4 text-sm text-slate-700">You were invited as {role}. Create your account to join.</p>
      <NewAccountAcceptForm token={token} email={invitation.email} />
    </AuthShell>
  );
}
