"use client";

import { type FormEvent, useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { addOriginSchema } from "@/lib/cors/origin.types";
import { addOriginAction } from "./actions";

/** Adds one origin. The browser checks the entry with the server's own schema before sending it. */
export function AddOriginForm({ tenant }: { tenant: string }) {
  const [state, action] = useActionState(addOriginAction, undefined);
  const [localError, setLocalError] = useState<string | undefined>();
  const values = state?.ok ? {} : (state?.values ?? {});
  const error = localError ?? state?.fieldErrors?.origin;
  // A refusal about the field is shown beside it; only other outcomes get the banner.
  const banner = state && !state.ok && state.fieldErrors?.origin === state.message ? undefined : state;

  const checkFirst = (event: FormEvent<HTMLFormElement>) => {
    const typed = new FormData(event.currentTarget).get("origin");
    const parsed = addOriginSchema.safeParse({ origin: typed });
    setLocalError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (!parsed.success) event.preventDefault();
  };

  return (
    <form
      action={action}
      onSubmit={checkFirst}
      noValidate
      aria-label="Add an origin"
      className="space-y-4"
      // A fresh, empty form after each success; the typed value stays after a refusal.
      key={state?.ok ? state.data?.originId : "form"}
    >
      <input type="hidden" name="tenant" value={tenant} />
      <FormMessage state={localError ? undefined : banner} success={state?.message} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-72 flex-1">
          <Field
            name="origin"
            label="Origin"
            placeholder="https://app.example.com or https://*.example.com"
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.origin}
            error={error}
            hint="scheme://host[:port], no path. A wildcard covers every subdomain."
            onChange={() => setLocalError(undefined)}
          />
        </div>
        <div className="pt-6">
          <SubmitButton pendingText="Adding…">Add origin</SubmitButton>
        </div>
      </div>
    </form>
  );
}
