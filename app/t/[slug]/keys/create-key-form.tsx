"use client";

import { useActionState } from "react";
import { SecretReveal } from "@/components/secret-reveal";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createKeyAction } from "./actions";

type Bounds = { perMinute: number; perHour: number; burst: number };

export function CreateKeyForm({ tenant, bounds }: { tenant: string; bounds: Bounds }) {
  const [state, action] = useActionState(createKeyAction, undefined);
  const errors = state?.fieldErrors ?? {};
  const values = state?.ok ? {} : (state?.values ?? {});
  return (
    <div className="space-y-4">
      {state?.ok && state.data?.secret ? (
        <SecretReveal label={`Secret of "${state.data.name}"`} secret={state.data.secret} />
      ) : null}
      <form
        action={action}
        className="space-y-4"
        noValidate
        aria-label="Create an API key"
        key={state?.ok ? state.data?.secret : "form"}
      >
        <input type="hidden" name="tenant" value={tenant} />
        {state?.ok ? null : <FormMessage state={state} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="name"
            label="Integration name"
            placeholder="e.g. Billing sync"
            defaultValue={values.name}
            error={errors.name}
          />
          <Field
            name="expiresAt"
            label="Expires (optional)"
            type="date"
            defaultValue={values.expiresAt}
            error={errors.expiresAt}
          />
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm text-slate-600">Own limits (optional, at most the tenant's)</legend>
          <Field
            name="perMinute"
            label="Requests / minute"
            inputMode="numeric"
            placeholder={String(bounds.perMinute)}
            defaultValue={values.perMinute}
            error={errors.perMinute}
          />
          <Field
            name="perHour"
            label="Requests / hour"
            inputMode="numeric"
            placeholder={String(bounds.perHour)}
            defaultValue={values.perHour}
            error={errors.perHour}
          />
          <Field
            name="burst"
            label="Burst / second"
            inputMode="numeric"
            placeholder={String(bounds.burst)}
            defaultValue={values.burst}
            error={errors.burst}
          />
        </fieldset>
        <SubmitButton pendingText="Creating…">Create key</SubmitButton>
      </form>
    </div>
  );
}
