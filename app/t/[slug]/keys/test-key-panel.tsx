"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { testKeyAction } from "./actions";

/** Pastes a key and shows what an integrator's call to the validity-check endpoint answers. */
export function TestKeyPanel({ tenant, endpoint }: { tenant: string; endpoint: string }) {
  const [state, action] = useActionState(testKeyAction, undefined);
  return (
    <form action={action} className="space-y-3" aria-label="Test a key">
      <input type="hidden" name="tenant" value={tenant} />
      <Field
        name="secret"
        label="API key"
        type="password"
        autoComplete="off"
        placeholder="sk_live_…"
        error={state?.fieldErrors?.secret}
      />
      <SubmitButton pendingText="Testing…">Test this key</SubmitButton>
      <p className="text-xs text-slate-500">
        Same call as <code>curl -H "Authorization: Bearer $KEY" {endpoint}</code>
      </p>
      {state?.ok && state.data ? (
        <div data-testid="key-test-result">
          <p className="text-sm font-medium">
            HTTP {state.data.status === "0" ? "— (no answer)" : state.data.status}
          </p>
          <pre className="mt-1 max-h-72 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {state.data.body}
          </pre>
        </div>
      ) : null}
    </form>
  );
}
