import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { TenantNav } from "@/components/tenant-nav";
import { TenantSwitcher } from "@/components/tenant-switcher";
import { listMyTenants } from "@/lib/tenancy/resolve-tenant";
import { tenantPage } from "@/lib/tenancy/tenant-page";

export default async function TenantLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const ctx = await tenantPage(slug);
  const tenants = await listMyTenants(ctx.user.id);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-6 py-3">
          <div className="flex items-center gap-4">
            <Link href="/" className="text-lg font-bold text-brand">
              Sluice
            </Link>
            <TenantSwitcher current={slug} tenants={tenants.map((m) => m.tenant)} />
          </div>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            {ctx.user.isOperator ? (
              <Link href="/operator" className="underline">
                Operator console
              </Link>
            ) : null}
            <span>
              {ctx.user.email} · <span data-testid="current-role">{ctx.role.toLowerCase()}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-6 pb-2">
          <TenantNav slug={slug} />
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">{children}</main>
    </div>
  );
}
