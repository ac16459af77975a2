"use client";

import { Button } from "@/components/ui/button";

/** An operator page that failed to render (e.g. the database is unreachable): say so, offer a retry. */
export default function OperatorError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="text-sm text-red-800">
        Something went wrong while reading the platform's data.
        {error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <Button type="button" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
