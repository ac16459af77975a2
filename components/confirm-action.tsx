"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { Button } from "./ui/button";

type Props = {
  action: (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  /** The question shown before anything happens; it names what will be affected. */
  question: string;
};

/** A destructive action in two steps: the first click asks, the second does it. */
export function ConfirmAction({ action, fields, label, question }: Props) {
  const [state, run] = useActionState(action, undefined);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div className="flex flex-col items-end gap-1">
        <button
          type="button"
          onClick={() => setAsking(true)}
          className="rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
        >
          {label}
        </button>
        {state && !state.ok && state.message ? (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form action={run} onSubmit={() => setAsking(false)} className="flex items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-sm text-slate-700">{question}</span>
      <Button variant="danger">Confirm</Button>
      <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </form>
  );
}
