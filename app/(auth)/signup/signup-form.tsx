"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, undefined);
  const errors = state?.fieldErrors ?? {};
  const values = state?.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={values.name}
        error={errors.name}
      />
      <Field
        name="email"
        label="Work email"
        type="email"
        autoComplete="email"
        defaultValue={values.email}
        error={errors.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.password}
      />
      <Field
        name="tenantName"
        label="Organisation name"
        defaultValue={values.tenantName}
        error={errors.tenantName}
      />
      <Field
        name="tenantSlug"
        label="Organisation slug"
        hint="Lowercase letters, digits and hyphens; used in URLs."
        defaultValue={values.tenantSlug}
        error={errors.tenantSlug}
      />
      <SubmitButton pendingText="Creating…">Create account</SubmitButton>
    </form>
  );
}
