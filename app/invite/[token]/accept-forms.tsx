"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { acceptAsMemberAction, acceptAsNewUserAction } from "./actions";

export function NewAccountAcceptForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(acceptAsNewUserAction, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Field name="email" label="Email" value={email} readOnly disabled />
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={state?.values?.name}
        error={errors.name}
      />
      <Field
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.password}
      />
      <SubmitButton pendingText="Joining…">Create account and join</SubmitButton>
    </form>
  );
}

export function MemberAcceptForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptAsMemberAction, undefined);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Joining…">Accept invitation</SubmitButton>
    </form>
  );
}
