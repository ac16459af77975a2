"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { Field } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

export type FieldSpec = {
  name: string;
  label: string;
  type?: "text" | "number" | "date" | "select" | "checkbox";
  defaultValue?: string;
  placeholder?: string;
  hint?: string;
  options?: { value: string; label: string }[];
  /** Input width in inline forms: "wide" for paths, "narrow" for small numbers. */
  width?: "wide" | "narrow";
};

const INLINE_WIDTHS = { wide: "w-72", normal: "w-40", narrow: "w-28" };

type Props = {
  action: (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
  /** Accessible name of the form. */
  label: string;
  hidden: Record<string, string>;
  fields: FieldSpec[];
  submit: string;
  inline?: boolean;
};

/**
 * A server-action form described by data: each field shows its own error beside it, typed
 * values survive a refusal, and the outcome is announced. Pages stay server components.
 */
export function ActionForm({ action, label, hidden, fields, submit, inline }: Props) {
  const [state, run] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  const value = (f: FieldSpec) => (state && !state.ok ? (state.values?.[f.name] ?? "") : f.defaultValue);
  return (
    <form
      action={run}
      aria-label={label}
      noValidate
      className={inline ? "flex flex-wrap items-end gap-3" : "space-y-4"}
    >
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {fields.map((f) => {
        const id = `${label}-${f.name}`.replace(/\W+/g, "-").toLowerCase();
        if (f.type === "select") {
          return (
            <div key={f.name} className="space-y-1">
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                {f.label}
              </label>
              {/* Keyed by its value: React sets a select's default only when it mounts, and resets
                  the form to it after a save, which would show the old choice. */}
              <select
                key={value(f)}
                id={id}
                name={f.name}
                defaultValue={value(f)}
                className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              >
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {errors[f.name] ? <p className="text-sm text-red-700">{errors[f.name]}</p> : null}
            </div>
          );
        }
        if (f.type === "checkbox") {
          const checked = state && !state.ok ? state.values?.[f.name] === "on" : f.defaultValue === "on";
          return (
            <label key={f.name} className="flex items-center gap-2 pb-2 text-sm text-slate-700">
              <input type="checkbox" name={f.name} defaultChecked={checked} className="h-4 w-4" />
              {f.label}
            </label>
          );
        }
        return (
          <div key={f.name} className={inline ? INLINE_WIDTHS[f.width ?? "normal"] : ""}>
            <Field
              id={id}
              name={f.name}
              label={f.label}
              type={f.type === "number" ? "text" : (f.type ?? "text")}
              inputMode={f.type === "number" ? "numeric" : undefined}
              defaultValue={value(f)}
              placeholder={f.placeholder}
              hint={f.hint}
              error={errors[f.name]}
            />
          </div>
        );
      })}
      <div className="flex items-center gap-3 pb-0.5">
        <SubmitButton>{submit}</SubmitButton>
        {state?.message ? (
          <span
            role={state.ok ? "status" : "alert"}
            className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
          >
            {state.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
