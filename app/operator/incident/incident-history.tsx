import { format, formatDistanceStrict } from "date-fns";
import type { IncidentEntry } from "@/lib/operator/list-incidents";
import { formatMultiplier } from "../multiplier-badge";

export function IncidentHistory({ incidents }: { incidents: IncidentEntry[] }) {
  if (incidents.length === 0)
    return <p className="text-sm text-slate-600">Incident mode has never been switched on.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Multiplier</th>
            <th className="py-2 pr-3 font-medium">Reason</th>
            <th className="py-2 pr-3 font-medium">On</th>
            <th className="py-2 font-medium">Off</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {incidents.map((i) => (
            <tr key={i.id} data-testid="incident-row">
              <td className="py-3 pr-3 font-medium">×{formatMultiplier(i.multiplier)}</td>
              <td className="py-3 pr-3">{i.reason}</td>
              <td className="py-3 pr-3">
                {format(i.startedAt, "d MMM yyyy HH:mm")}
                <span className="block text-xs text-slate-500">by {i.startedBy}</span>
              </td>
              <td className="py-3">
                {i.endedAt ? (
                  <>
                    {format(i.endedAt, "d MMM yyyy HH:mm")}
                    <span className="block text-xs text-slate-500">
                      by {i.endedBy} · lasted {formatDistanceStrict(i.endedAt, i.startedAt)}
                    </span>
                  </>
                ) : (
                  <span className="font-medium text-amber-800">still on</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
