"use client";

import { useActionState, useState } from "react";
import { SecretReveal } from "@/components/secret-reveal";
import { Button } from "@/components/ui/button";
import { revokeKeyAction, rotateKeyAction } from "./actions";

/** Revoke and rotate, each behind a confirmation that names the key. */
export function KeyActions({ tenant, keyId, name }: { tenant: string; keyId: string; name: string }) {
  const [asking, setAsking] = useState<"revoke" | "rotate" | null>(null);
  const [revokeState, revoke] = useActionState(revokeKeyAction, undefined);
  const [rotateState, rotate] = useActionState(rotateKeyAction, undefined);
  const error = [revokeState, rotateState].find((s) => s && !s.ok)?.message;
  return (
    <div className="flex flex-col items-end gap-2">
      {rotateState?.ok && rotateState.data?.secret ? (
        <SecretReveal label={`New secret of "${name}"`} secret={rotateState.data.secret} />
      ) : null}
      {asking === null ? (
        <div className="flex gap-1">
          <button
            type="button"
            onClick={() => setAsking("rotate")}
            className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Rotate
          </button>
          <button
            type="button"
            onClick={() => setAsking("revoke")}
            className="rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
          >
            Revoke
          </button>
        </div>
      ) : (
        <form
          action={asking === "revoke" ? revoke : rotate}
          onSubmit={() => setAsking(null)}
          className="flex flex-wrap items-center justify-end gap-2"
        >
          <input type="hidden" name="tenant" value={tenant} />
          <input type="hidden" name="keyId" value={keyId} />
          {asking === "revoke" ? (
            <span className="text-sm text-slate-700">
              Revoke "{name}"? Requests with it are refused within seconds.
            </span>
          ) : (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              Rotate "{name}"; the old secret keeps working for
              <select
                name="graceHours"
                defaultValue="24"
                className="rounded-md border border-slate-300 px-2 py-1"
              >
                {[0, 1, 6, 12, 24].map((h) => (
                  <option key={h} value={h}>
                    {h === 0 ? "no time (revoke now)" : `${h} h`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Button variant={asking === "revoke" ? "danger" : "primary"}>Confirm</Button>
          <Button type="button" variant="secondary" onClick={() => setAsking(null)}>
            Cancel
          </Button>
        </form>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
