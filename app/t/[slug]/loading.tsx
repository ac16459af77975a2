/** Shown while a tenant page loads its data (counters read Redis, limits read Postgres). */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
