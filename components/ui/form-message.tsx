import type { FormState } from "@/lib/actions/form-state";

/** The form-level outcome: an error banner, or a success note. */
export function FormMessage({ state, success }: { state: FormState | undefined; success?: string }) {
  if (!state) return null;
  if (!state.ok && state.message) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.message}
      </p>
    );
  }
  if (state.ok && success) {
    return (
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
      >
        {success}
      </p>
    );
  }
  return null;
}
