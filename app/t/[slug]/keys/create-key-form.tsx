"use client";

import { useActionState } from "react";
import { SecretReveal } from "@/components/secret-reveal";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createKeyAction } from "./actions";

/** A terminal loop that shows the key admitted, then refused with 429 once over its limit. */
function TryKeyLoop({ secret, forwardAuthUrl }: { secret: string; forwardAuthUrl: string }) {
  const loop =
    `for i in $(seq 1 12); do curl -s -o /dev/null -w '%{http_code} remaining=%header{x-ratelimit-remaining} retry-after=%header{retry-after}\\n' ` +
    `-H "Authorization: Bearer ${secret}" -H 'X-Forwarded-Uri: /api/v1/items' ${forwardAuthUrl}; done`;
  return (
    <div className="space-y-1">
      <p className="text-sm text-amber-900">
        Try it from a terminal: the first requests are admitted (200), then the key&apos;s burst is spent and
        the answer is 429 with Retry-After.
      </p>
      <pre
        data-testid="try-key-loop"
        className="overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs whitespace-pre-wrap break-all"
      >
        {loop}
      </pre>
    </div>
  );
}

type Bounds = { perMinute: number; perHour: number; burst: number };

export function CreateKeyForm({
  tenant,
  bounds,
  forwardAuthUrl,
}: {
  tenant: string;
  bounds: Bounds;
  /** Where a gateway asks about a request: the new key's "try it" loop calls it. */
  forwardAuthUrl: string;
}) {
  const [state, action] = useActionState(createKeyAction, undefined);
  const errors = state?.fieldErrors ?? {};
  const values = state?.ok ? {} : (state?.values ?? {});
  return (
    <div className="space-y-4">
      {state?.ok && state.data?.secret ? (
        <SecretReveal label={`Secret of "${state.data.name}"`} secret={state.data.secret}>
          <TryKeyLoop secret={state.data.secret} forwardAuthUrl={forwardAuthUrl} />
        </SecretReveal>
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
