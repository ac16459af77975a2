"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inviteMemberAction } from "./actions";

export function InviteForm({ tenant, canGrantOwner }: { tenant: string; canGrantOwner: boolean }) {
  const [state, action] = useActionState(inviteMemberAction, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Invite a member">
      <input type="hidden" name="tenant" value={tenant} />
      <FormMessage state={state} success={state?.message} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <Field
          name="email"
          label="Email"
          type="email"
          placeholder="colleague@example.com"
          defaultValue={state?.ok ? "" : state?.values?.email}
          key={state?.ok ? "reset" : "keep"}
          error={errors.email}
        />
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue={state?.values?.role ?? "VIEWER"}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="VIEWER">Viewer: read only</option>
            <option value="ADMIN">Admin: manages settings</option>
            {canGrantOwner ? <option value="OWNER">Owner: everything</option> : null}
          </select>
          {errors.role ? <p className="text-sm text-red-700">{errors.role}</p> : null}
        </div>
        <div className="sm:pt-6">
          <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
        </div>
      </div>
    </form>
  );
}
