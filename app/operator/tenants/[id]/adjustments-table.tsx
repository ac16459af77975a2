import { format, formatDistanceToNow } from "date-fns";
import { ConfirmAction } from "@/components/confirm-action";
import type { TenantDetail } from "@/lib/operator/tenant-detail";
import { formatMultiplier } from "../../multiplier-badge";
import { endAdjustmentAction } from "./actions";

/** Boosts and penalties that are active or scheduled, each with an "End now". */
export function AdjustmentsTable({
  tenantId,
  adjustments,
}: {
  tenantId: string;
  adjustments: TenantDetail["adjustments"];
}) {
  if (adjustments.length === 0) {
    return <p className="text-sm text-slate-600">No active or scheduled boosts or penalties.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Kind</th>
            <th className="py-2 pr-3 font-medium">Reason</th>
            <th className="py-2 pr-3 font-medium">From</th>
            <th className="py-2 pr-3 font-medium">Until</th>
            <th className="py-2 pr-3 font-medium">By</th>
            <th className="py-2 text-right font-medium">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {adjustments.map((a) => {
            const kind = a.multiplier > 1 ? "Boost" : "Penalty";
            return (
              <tr key={a.id} data-testid="adjustment-row">
                <td className="py-3 pr-3 font-medium">
                  {kind} ×{formatMultiplier(a.multiplier)}
                  {a.state === "scheduled" ? (
                    <span className="block text-xs text-slate-500">scheduled</span>
                  ) : null}
                </td>
                <td className="py-3 pr-3">{a.reason}</td>
                <td className="py-3 pr-3">{format(a.startsAt, "d MMM yyyy HH:mm")}</td>
                <td className="py-3 pr-3">
                  {format(a.endsAt, "d MMM yyyy HH:mm")}
                  <span className="block text-xs text-slate-500">
                    {formatDistanceToNow(a.endsAt, { addSuffix: true })}
                  </span>
                </td>
                <td className="py-3 pr-3">{a.createdBy}</td>
                <td className="py-3 text-right">
                  <ConfirmAction
                    action={endAdjustmentAction}
                    fields={{ tenantId, adjustmentId: a.id }}
                    label="End now"
                    question={`End this ${kind.toLowerCase()} of ×${formatMultiplier(a.multiplier)} now?`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
