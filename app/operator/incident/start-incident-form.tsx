"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INCIDENT_MULTIPLIER } from "@/lib/operator/incident.types";
import { startIncidentAction } from "./actions";

export function StartIncidentForm() {
  const [state, action] = useActionState(startIncidentAction, undefined);
  const errors = state?.fieldErrors ?? {};
  const values = state?.ok ? {} : (state?.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Switch incident mode on">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field
          name="multiplier"
          label="Multiplier"
          type="number"
          inputMode="decimal"
          min={INCIDENT_MULTIPLIER.min}
          max={INCIDENT_MULTIPLIER.max}
          step="0.5"
          hint={`${INCIDENT_MULTIPLIER.min}–${INCIDENT_MULTIPLIER.max}`}
          defaultValue={values.multiplier ?? String(INCIDENT_MULTIPLIER.default)}
          error={errors.multiplier}
        />
        <Field
          name="reason"
          label="Reason"
          placeholder="e.g. Breach response for INC-2041: customers are re-scanning"
          defaultValue={values.reason}
          error={errors.reason}
        />
      </div>
      <SubmitButton variant="danger" pendingText="Switching on…">
        Switch incident mode on
      </SubmitButton>
    </form>
  );
}
