import { formatDistanceToNow } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { tenantPage } from "@/lib/tenancy/tenant-page";

export const metadata: Metadata = { title: "Overview" };

export default async function TenantOverview({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await tenantPage((await params).slug);
  const [members, pending, recent] = await Promise.all([
    ctx.db.membership.count(),
    ctx.db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
    ctx.db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 5 }),
  ]);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">{ctx.tenant.name}</h1>
        <p className="text-sm text-slate-600">
          Tenant <code>{ctx.tenant.slug}</code> · status {ctx.tenant.status.toLowerCase()}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Members" value={members} href={`/t/${ctx.tenant.slug}/members`} />
        <Stat label="Pending invitations" value={pending} href={`/t/${ctx.tenant.slug}/members`} />
        <Stat label="Your role" value={ctx.role.toLowerCase()} />
      </div>
      <Card title="Recent activity" description="The latest entries of this tenant's audit trail.">
        {recent.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing has happened yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recent.map((event) => (
              <li key={event.id} className="flex justify-between py-2 text-sm">
                <span>
                  <code>{event.action}</code> by {event.actorEmail}
                </span>
                <time dateTime={event.createdAt.toISOString()} className="text-slate-500">
                  {formatDistanceToNow(event.createdAt, { addSuffix: true })}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: string | number; href?: string }) {
  const body = (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold">{value}</p>
    </div>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}
