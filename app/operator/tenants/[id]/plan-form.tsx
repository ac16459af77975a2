"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePlanAction } from "./actions";

type PlanOption = { id: string; name: string; poolPointsPerMinute: number; keyPerMinute: number };

export function PlanForm({
  tenantId,
  planId,
  plans,
}: {
  tenantId: string;
  planId: string;
  plans: PlanOption[];
}) {
  const [state, action] = useActionState(changePlanAction, undefined);
  const error = state?.fieldErrors?.planId;
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Change the plan">
      <input type="hidden" name="tenantId" value={tenantId} />
      <FormMessage state={state} success={state?.message} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="plan-select" className="block text-sm font-medium text-slate-700">
            Plan
          </label>
          <select
            id="plan-select"
            name="planId"
            defaultValue={state?.ok ? planId : (state?.values?.planId ?? planId)}
            key={planId}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "plan-select-error" : undefined}
            className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}: pool {plan.poolPointsPerMinute}/min, {plan.keyPerMinute} requests/min per key
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingText="Changing…">Change plan</SubmitButton>
      </div>
      {error ? (
        <p id="plan-select-error" className="text-sm text-red-700" data-field-error="planId">
          {error}
        </p>
      ) : null}
    </form>
  );
}
