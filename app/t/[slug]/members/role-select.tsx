"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { changeRoleAction } from "./actions";

export function RoleSelect({
  tenant,
  membershipId,
  role,
  email,
  canGrantOwner,
}: {
  tenant: string;
  membershipId: string;
  role: string;
  email: string;
  canGrantOwner: boolean;
}) {
  const [state, action] = useActionState(changeRoleAction, undefined);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        Role of {email}
      </label>
      <select
        id={`role-${membershipId}`}
        name="role"
        defaultValue={role}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="VIEWER">Viewer</option>
        <option value="ADMIN">Admin</option>
        {canGrantOwner || role === "OWNER" ? <option value="OWNER">Owner</option> : null}
      </select>
      <Button variant="secondary">Save role</Button>
      {state?.message ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
