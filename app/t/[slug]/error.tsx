"use client";

import { buttonClass } from "@/components/ui/button";

/** A page that failed to load: say so plainly and offer a retry; the details stay in the server log. */
export default function TenantError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-1 text-sm text-red-800">
        Something went wrong on our side. Nothing was changed. Try again in a moment.
      </p>
      <button type="button" onClick={reset} className={buttonClass("secondary", "mt-4")}>
        Try again
      </button>
    </div>
  );
}
