import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/current-user";
import { listAllTenants } from "@/lib/operator/list-all-tenants";

export const metadata: Metadata = { title: "Operator console" };
export const dynamic = "force-dynamic";

/** Operators only: every tenant of the platform. */
export default async function OperatorPage() {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=/operator");
  if (!user.isOperator) notFound();
  const tenants = await listAllTenants();
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Operator console</h1>
        <div className="flex items-center gap-3 text-sm">
          <span>{user.email}</span>
          <SignOutButton />
        </div>
      </div>
      <Card title={`Tenants (${tenants.length})`}>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">Name</th>
              <th className="py-2 font-medium">Slug</th>
              <th className="py-2 font-medium">Status</th>
              <th className="py-2 font-medium">Members</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tenants.map((t) => (
              <tr key={t.id}>
                <td className="py-2">{t.name}</td>
                <td className="py-2">
                  <code>{t.slug}</code>
                </td>
                <td className="py-2">{t.status.toLowerCase()}</td>
                <td className="py-2">{t._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <p className="text-sm">
        <Link href="/" className="underline">
          Back to my tenants
        </Link>
      </p>
    </main>
  );
}
