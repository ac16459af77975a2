/** Shown while an operator page reads every tenant (and Redis for usage). */
export default function OperatorLoading() {
  return (
    <p role="status" aria-live="polite" className="text-sm text-slate-600">
      Loading…
    </p>
  );
}
