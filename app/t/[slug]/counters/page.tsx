import type { Metadata } from "next";
import { ConfirmAction } from "@/components/confirm-action";
import { Card } from "@/components/ui/card";
import { listCounters } from "@/lib/counters/list-counters";
import { canManage, tenantPage } from "@/lib/tenancy/tenant-page";
import { clearCounterAction } from "./actions";

export const metadata: Metadata = { title: "Counters" };
export const dynamic = "force-dynamic";

function Meter({ used, limit }: { used: number | null; limit: number }) {
  const share = used === null || limit === 0 ? 0 : Math.min(1, used / limit);
  const colour = share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div className="flex items-center gap-2">
      <div className="h-2 w-32 overflow-hidden rounded bg-slate-200" aria-hidden="true">
        <div className={`h-full ${colour}`} style={{ width: `${share * 100}%` }} />
      </div>
      <span className="whitespace-nowrap text-sm tabular-nums" data-testid="counter-usage">
        {used ?? "—"} / {limit}
      </span>
    </div>
  );
}

/** A key's per-minute, per-hour and burst limits count one log: clearing one clears the three. */
function clearQuestion(group: string, label: string, kind: string): string {
  const what =
    kind === "pool"
      ? "the tenant pool"
      : kind === "key"
        ? `the requests of ${group} (per minute, per hour and burst: one log)`
        : `${label} for ${group}`;
  return `Clear ${what}? Requests it refused are admitted again.`;
}

export default async function CountersPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await tenantPage((await params).slug);
  const { groups, live, multiplier } = await listCounters(ctx);
  const manage = canManage(ctx.role);
  const slug = ctx.tenant.slug;
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Counters</h1>
        <p className="text-sm text-slate-600">
          Live usage of every limit{multiplier !== 1 ? ` (limits ×${multiplier} right now)` : ""}. Clear a
          counter after a legitimate spike; it is recorded in the audit log with the value it held.
        </p>
        {live ? null : (
          <p
            role="alert"
            className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            Live counters are unavailable: Redis cannot be reached.
          </p>
        )}
      </div>
      {groups.map((group) => (
        <Card key={group.title} title={group.title}>
          <table className="w-full table-fixed text-left text-sm">
            <colgroup>
              <col className="w-2/5" />
              <col className="w-1/4" />
              <col />
            </colgroup>
            <tbody className="divide-y divide-slate-100">
              {group.rows.map((row) => (
                <tr
                  key={`${row.label}-${row.window}`}
                  data-testid="counter-row"
                  data-label={`${group.title} ${row.label} ${row.window}`}
                >
                  <td className="py-2">
                    {row.label} <span className="text-slate-500">{row.window}</span>
                  </td>
                  <td className="py-2">
                    <Meter used={row.used} limit={row.limit} />
                  </td>
                  <td className="py-2 text-right">
                    {manage && row.window !== "per hour" && row.label !== "Burst" ? (
                      <ConfirmAction
                        action={clearCounterAction}
                        fields={{ tenant: slug, target: JSON.stringify(row.target) }}
                        label="Clear counter"
                        question={clearQuestion(group.title, row.label, row.target.kind)}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {manage && group.keyId ? (
            <div className="mt-3 flex justify-end border-t border-slate-100 pt-3">
              <ConfirmAction
                action={clearCounterAction}
                fields={{ tenant: slug, target: JSON.stringify({ kind: "key-all", keyId: group.keyId }) }}
                label="Clear all of this key's counters"
                question={`Clear every counter of ${group.title}?`}
              />
            </div>
          ) : null}
        </Card>
      ))}
    </>
  );
}
