"use client";

import { useActionState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { reactivateTenantAction, suspendTenantAction } from "./actions";

type Props = { tenantId: string; name: string; status: "ACTIVE" | "SUSPENDED" };

/** Suspending cuts off every key of the tenant, so it asks first; reactivating does not. */
export function StatusControl({ tenantId, name, status }: Props) {
  const [state, reactivate] = useActionState(reactivateTenantAction, undefined);
  if (status === "ACTIVE") {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          A suspended tenant's keys are answered 403 TENANT_SUSPENDED within seconds; its admins can still
          sign in.
        </p>
        <ConfirmAction
          action={suspendTenantAction}
          fields={{ tenantId }}
          label="Suspend tenant"
          question={`Suspend ${name}? Every request with its keys will be refused.`}
        />
      </div>
    );
  }
  return (
    <form action={reactivate} className="flex flex-wrap items-center justify-between gap-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <p className="text-sm text-slate-600">
        This tenant is suspended: every request with its keys is refused.
      </p>
      <SubmitButton pendingText="Reactivating…">Reactivate tenant</SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
