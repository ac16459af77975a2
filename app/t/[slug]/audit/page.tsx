import { format } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditChange } from "@/components/audit-change";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { parseAuditFilter } from "@/lib/audit/audit-filter";
import { listAuditActions, listAuditEvents } from "@/lib/audit/list-audit";
import { verifyChain } from "@/lib/audit/verify-chain";
import { tenantPage } from "@/lib/tenancy/tenant-page";
import { AuditFilters } from "./audit-filters";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const ctx = await tenantPage((await params).slug);
  const raw = await searchParams;
  const parsed = parseAuditFilter(raw);
  const filter = parsed.success ? parsed.data : { page: 1 };
  const [{ events, total, pages }, actions, chain] = await Promise.all([
    listAuditEvents(ctx, filter),
    listAuditActions(ctx),
    verifyChain(ctx.tenant.id),
  ]);
  const query = (page: number) => {
    const q = new URLSearchParams();
    for (const key of ["actor", "action", "from", "to"] as const) {
      const v = filter[key as keyof typeof filter];
      if (typeof v === "string" && v) q.set(key, v);
    }
    if (page > 1) q.set("page", String(page));
    return q.toString();
  };
  const base = `/t/${ctx.tenant.slug}/audit`;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Audit log</h1>
          <p className="text-sm text-slate-600" data-testid="chain-status">
            {chain.ok
              ? `Integrity verified: ${chain.checked} events, hash chain intact.`
              : `Integrity check failed at event #${chain.seq}: ${chain.reason}.`}
          </p>
        </div>
        <a href={`/api/t/${ctx.tenant.slug}/audit/export?${query(1)}`} className={buttonClass("secondary")}>
          Export CSV
        </a>
      </div>
      <Card>
        <AuditFilters
          actions={actions}
          values={filter}
          errors={parsed.success ? {} : fieldErrors(parsed.error.issues)}
        />
      </Card>
      <Card title={`${total} event${total === 1 ? "" : "s"}`}>
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">No events match these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-2 pr-4 font-medium">#</th>
                  <th className="py-2 pr-4 font-medium">When</th>
                  <th className="py-2 pr-4 font-medium">Actor</th>
                  <th className="py-2 pr-4 font-medium">Action</th>
                  <th className="py-2 pr-4 font-medium">Target</th>
                  <th className="py-2 pr-4 font-medium">Change</th>
                  <th className="py-2 font-medium">Source</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {events.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="py-2 pr-4 text-slate-500">{e.seq}</td>
                    <td className="whitespace-nowrap py-2 pr-4">
                      {format(e.createdAt, "yyyy-MM-dd HH:mm:ss")}
                    </td>
                    <td className="py-2 pr-4">{e.actorEmail}</td>
                    <td className="py-2 pr-4">
                      <code>{e.action}</code>
                    </td>
                    <td className="py-2 pr-4">
                      {e.targetType}
                      <span className="block text-xs text-slate-500">{e.targetId}</span>
                    </td>
                    <td className="max-w-sm py-2 pr-4 text-xs">
                      <AuditChange before={e.before} after={e.after} />
                    </td>
                    <td className="py-2 text-xs text-slate-500">
                      {e.ip ?? "—"}
                      <span className="block" title={e.userAgent ?? ""}>
                        req {e.requestId.slice(0, 8)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
          <span>
            Page {filter.page} of {pages}
          </span>
          <span className="flex gap-2">
            {filter.page > 1 ? (
              <Link className={buttonClass("secondary")} href={`${base}?${query(filter.page - 1)}`}>
                Previous
              </Link>
            ) : null}
            {filter.page < pages ? (
              <Link className={buttonClass("secondary")} href={`${base}?${query(filter.page + 1)}`}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      </Card>
    </>
  );
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));
}
