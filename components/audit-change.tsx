import { describeChange } from "@/lib/audit/describe-change";

/** An audit event's change, field by field: what was set, removed, or moved from old to new. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const lines = describeChange(before, after);
  if (lines.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="space-y-0.5">
      {lines.map((line) => (
        <div key={line.field} className="flex flex-wrap gap-x-1">
          <dt className="text-slate-500">{line.field}:</dt>
          <dd className="break-all">
            {line.kind === "same" ? <span className="text-slate-500">{line.value}</span> : null}
            {line.kind === "added" ? <ins className="text-emerald-800 no-underline">{line.to}</ins> : null}
            {line.kind === "removed" ? <del className="text-red-800">{line.from}</del> : null}
            {line.kind === "changed" ? (
              <>
                <del className="text-red-800">{line.from}</del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> changed to </span>
                <ins className="text-emerald-800 no-underline">{line.to}</ins>
              </>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
