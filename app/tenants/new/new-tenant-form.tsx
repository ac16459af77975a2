"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createTenantAction } from "./actions";

export function NewTenantForm() {
  const [state, action] = useActionState(createTenantAction, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="tenantName"
        label="Organisation name"
        defaultValue={state?.values?.tenantName}
        error={errors.tenantName}
      />
      <Field
        name="tenantSlug"
        label="Organisation slug"
        hint="Lowercase letters, digits and hyphens; used in URLs."
        defaultValue={state?.values?.tenantSlug}
        error={errors.tenantSlug}
      />
      <SubmitButton pendingText="Creating…">Create tenant</SubmitButton>
    </form>
  );
}
