import type { TenantDetail } from "@/lib/operator/tenant-detail";

/** The tenant's effective limits (plan + overrides) and what is enforced with the multipliers now. */
export function LimitsTable({
  limits,
  multiplier,
  poolUsed,
}: Pick<TenantDetail, "limits" | "multiplier" | "poolUsed">) {
  const now = (value: number) => Math.max(0, Math.floor(value * multiplier)).toLocaleString("en");
  const rows = [
    { label: "Tenant pool (points / minute)", base: limits.poolPointsPerMinute },
    { label: "Per key, requests / minute", base: limits.keyPerMinute },
    { label: "Per key, requests / hour", base: limits.keyPerHour },
    { label: "Per key, burst / second", base: limits.keyBurst },
    ...(limits.ipPerMinute === null
      ? []
      : [{ label: "Per source IP, requests / minute", base: limits.ipPerMinute }]),
  ];
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-slate-500">
        <tr>
          <th className="py-2 pr-3 font-medium">Limit</th>
          <th className="py-2 pr-3 text-right font-medium">Plan and overrides</th>
          <th className="py-2 text-right font-medium">Enforced now</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {rows.map((row) => (
          <tr key={row.label}>
            <td className="py-2 pr-3">{row.label}</td>
            <td className="py-2 pr-3 text-right">{row.base.toLocaleString("en")}</td>
            <td className="py-2 text-right">{now(row.base)}</td>
          </tr>
        ))}
        <tr>
          <td className="py-2 pr-3">Pool used in the last minute</td>
          <td className="py-2 pr-3" />
          <td className="py-2 text-right" data-testid="pool-usage">
            {poolUsed === null ? (
              <span title="Unknown: Redis is unavailable">—</span>
            ) : (
              poolUsed.toLocaleString("en")
            )}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
