"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SimulatedLimit } from "@/lib/limits/simulate";
import { simulateAction } from "./actions";

type Result = {
  rule: string;
  exempt: boolean;
  cost: number;
  multiplier: number;
  live: boolean;
  limits: SimulatedLimit[];
};

/** Pick a key, a method and a path: which limits apply, the cost, and what remains right now. */
export function Simulator({ tenant, keys }: { tenant: string; keys: { id: string; name: string }[] }) {
  const [state, run] = useActionState(simulateAction, undefined);
  const result = state?.ok && state.data?.result ? (JSON.parse(state.data.result) as Result) : null;
  if (keys.length === 0)
    return <p className="text-sm text-slate-600">Create an API key first to simulate its requests.</p>;
  return (
    <div className="space-y-4">
      <form action={run} aria-label="Simulate a request" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="tenant" value={tenant} />
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Key</span>
          <select
            name="keyId"
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
            defaultValue={state?.values?.keyId}
          >
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Method</span>
          <select
            name="method"
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
            defaultValue={state?.values?.method ?? "GET"}
          >
            {["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Path</span>
          <input
            name="path"
            defaultValue={state?.values?.path ?? "/api/v1/items"}
            className="mt-1 w-72 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <SubmitButton>Simulate</SubmitButton>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {Object.values(state.fieldErrors ?? {})[0] ?? state.message}
        </p>
      ) : null}
      {result ? (
        <div data-testid="simulation" className="space-y-2 text-sm">
          <p>
            Matched: <code>{result.rule}</code> · cost <strong>{result.cost}</strong> point
            {result.cost === 1 ? "" : "s"}
            {result.multiplier !== 1 ? ` · limits ×${result.multiplier}` : ""}
            {result.exempt ? " · exempt: never refused for rate" : ""}
          </p>
          {result.limits.length ? (
            <table className="w-full text-left">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-1 font-medium">Limit</th>
                  <th className="py-1 font-medium">Allowed</th>
                  <th className="py-1 font-medium">Used now</th>
                  <th className="py-1 font-medium">Remaining</th>
                </tr>
              </thead>
              <tbody>
                {result.limits.map((l) => (
                  <tr key={l.name} className={l.wouldRefuse ? "text-red-700" : ""}>
                    <td className="py-1">{l.name}</td>
                    <td className="py-1">
                      {l.limit} /{" "}
                      {l.windowSeconds >= 3600 ? "hour" : l.windowSeconds >= 60 ? "minute" : "second"}
                    </td>
                    <td className="py-1">{l.used ?? "—"}</td>
                    <td className="py-1">
                      {l.remaining ?? "—"}
                      {l.wouldRefuse ? " (would refuse)" : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.live ? null : (
            <p className="text-slate-500">Live usage is unavailable (no Redis reachable).</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
