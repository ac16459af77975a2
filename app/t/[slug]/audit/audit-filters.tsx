import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type Values = { actor?: string; action?: string; from?: string; to?: string };

/** A plain GET form: filters live in the URL, so a filtered view can be shared and exported. */
export function AuditFilters({
  actions,
  values,
  errors,
}: {
  actions: string[];
  values: Values;
  errors: Record<string, string>;
}) {
  return (
    <form method="get" className="grid gap-4 sm:grid-cols-5 sm:items-end" aria-label="Filter audit events">
      <Field name="actor" label="Actor email contains" defaultValue={values.actor} error={errors.actor} />
      <div className="space-y-1">
        <label htmlFor="filter-action" className="block text-sm font-medium text-slate-700">
          Action
        </label>
        <select
          id="filter-action"
          name="action"
          defaultValue={values.action ?? ""}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="">Any action</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <Field name="from" label="From" type="date" defaultValue={values.from} error={errors.from} />
      <Field name="to" label="To" type="date" defaultValue={values.to} error={errors.to} />
      <button type="submit" className={buttonClass("primary")}>
        Apply filters
      </button>
    </form>
  );
}
