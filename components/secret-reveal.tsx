"use client";

import { type ReactNode, useState } from "react";

/** Shows a new secret once, with a copy button and a warning that it will not be shown again. */
export function SecretReveal({
  label,
  secret,
  children,
}: {
  label: string;
  secret: string;
  /** Anything to show with the secret (how to try it). */
  children?: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-900">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="new-secret" className="rounded bg-white px-2 py-1 font-mono text-sm break-all">
          {secret}
        </code>
        <button
          type="button"
          className="rounded-md border border-amber-400 bg-white px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-100"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="text-sm text-amber-900">
        Copy it now and keep it somewhere safe: Sluice stores only a hash and cannot show it again.
      </p>
      {children}
    </div>
  );
}
