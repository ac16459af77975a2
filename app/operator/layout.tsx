import Link from "next/link";
import type { ReactNode } from "react";
import { OperatorNav } from "@/components/operator-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { activeIncident } from "@/lib/operator/active-incident";
import { operatorPage } from "@/lib/operator/operator-page";

export const dynamic = "force-dynamic";

/** The operator console's frame. Every page checks `operatorPage()` itself too. */
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const operator = await operatorPage();
  const incident = await activeIncident();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-6 py-3">
          <div className="flex items-center gap-4">
            <Link href="/" className="text-lg font-bold text-brand">
              Sluice
            </Link>
            <span className="rounded-full bg-slate-900 px-2.5 py-0.5 text-xs font-medium text-white">
              Operator console
            </span>
          </div>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <Link href="/" className="underline">
              My tenants
            </Link>
            <span>{operator.user.email}</span>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-6 pb-2">
          <OperatorNav />
        </div>
      </header>
      {incident ? (
        <div role="status" className="border-b border-amber-300 bg-amber-50">
          <p className="mx-auto max-w-6xl px-6 py-2 text-sm text-amber-900">
            <strong>Incident mode is on</strong>: every tenant's limits are multiplied by{" "}
            {incident.multiplier}.{" "}
            <Link href="/operator/incident" className="underline">
              Manage
            </Link>
          </p>
        </div>
      ) : null}
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">{children}</main>
    </div>
  );
}
