"use client";

import { format } from "date-fns";
import { type MouseEvent, useActionState, useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ADJUSTMENT_MULTIPLIER } from "@/lib/operator/add-adjustment.types";
import { addAdjustmentAction } from "./actions";

const DURATIONS_HOURS = [24, 48, 72];

/** Fills the end time with now + `hours`, in the browser's zone as `datetime-local` expects. */
function fillEnd(hours: number) {
  return (event: MouseEvent<HTMLButtonElement>) => {
    const input = event.currentTarget.form?.elements.namedItem("endsAt");
    if (input instanceof HTMLInputElement) {
      input.value = format(Date.now() + hours * 3_600_000, "yyyy-MM-dd'T'HH:mm");
    }
  };
}

export function AdjustmentForm({ tenantId }: { tenantId: string }) {
  const [state, action] = useActionState(addAdjustmentAction, undefined);
  // The server reads the wall-clock end time in the browser's zone, not its own.
  const [timezoneOffset, setTimezoneOffset] = useState("");
  useEffect(() => setTimezoneOffset(String(new Date().getTimezoneOffset())), []);
  const errors = state?.fieldErrors ?? {};
  const values = state?.ok ? {} : (state?.values ?? {});
  return (
    <form
      action={action}
      className="space-y-4"
      noValidate
      aria-label="Add a boost or penalty"
      key={state?.ok ? state.message : "form"}
    >
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="timezoneOffset" value={timezoneOffset} />
      <FormMessage state={state} success={state?.message} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field
          name="multiplier"
          label="Multiplier"
          type="number"
          inputMode="decimal"
          min={ADJUSTMENT_MULTIPLIER.min}
          max={ADJUSTMENT_MULTIPLIER.max}
          step="0.1"
          placeholder="2"
          hint="2–5 boosts, below 1 penalizes"
          defaultValue={values.multiplier}
          error={errors.multiplier}
        />
        <Field
          name="reason"
          label="Reason"
          placeholder="e.g. Migration window approved in ticket #4211"
          defaultValue={values.reason}
          error={errors.reason}
        />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <Field
            name="endsAt"
            label="Ends at (your local time)"
            type="datetime-local"
            hint="Starts now"
            defaultValue={values.endsAt}
            error={errors.endsAt}
          />
        </div>
        <fieldset className="flex items-center gap-1 pb-1">
          <legend className="float-left mr-2 text-sm text-slate-600">or end in</legend>
          {DURATIONS_HOURS.map((hours) => (
            <button
              key={hours}
              type="button"
              onClick={fillEnd(hours)}
              className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
            >
              {hours} h
            </button>
          ))}
        </fieldset>
      </div>
      <SubmitButton pendingText="Adding…">Add adjustment</SubmitButton>
    </form>
  );
}
