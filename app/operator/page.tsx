import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { listAllTenants } from "@/lib/operator/list-all-tenants";
import { operatorPage } from "@/lib/operator/operator-page";
import { MultiplierBadge } from "./multiplier-badge";
import { StatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "Tenants · Operator" };
export const dynamic = "force-dynamic";

/** Operators only: every tenant of the platform, with its usage right now. */
export default async function OperatorTenantsPage() {
  await operatorPage();
  const tenants = await listAllTenants();
  return (
    <>
      <h1 className="text-2xl font-semibold">Tenants</h1>
      <Card
        title={`All tenants (${tenants.length})`}
        description="Pool usage is the last minute's points against the limit enforced right now; — when Redis is unavailable."
      >
        {tenants.length === 0 ? (
          <p className="text-sm text-slate-600">
            No tenants yet. They appear here as soon as someone signs up.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">Tenant</th>
                  <th className="py-2 pr-3 font-medium">Plan</th>
                  <th className="py-2 pr-3 font-medium">Status</th>
                  <th className="py-2 pr-3 text-right font-medium">Members</th>
                  <th className="py-2 pr-3 text-right font-medium">Keys</th>
                  <th className="py-2 text-right font-medium">Pool used / limit per minute</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tenants.map((t) => (
                  <tr key={t.id} data-testid="tenant-row" data-slug={t.slug}>
                    <td className="py-2 pr-3">
                      <Link href={`/operator/tenants/${t.id}`} className="font-medium underline">
                        {t.name}
                      </Link>
                      <code className="block text-xs text-slate-500">{t.slug}</code>
                    </td>
                    <td className="py-2 pr-3">{t.plan}</td>
                    <td className="py-2 pr-3">
                      <StatusBadge status={t.status} />
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{t.members}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{t.keys}</td>
                    <td className="py-2 text-right tabular-nums" data-testid="pool-usage">
                      {t.pool.used === null ? (
                        <span title="Unknown: Redis is unavailable">—</span>
                      ) : (
                        t.pool.used.toLocaleString("en")
                      )}
                      {` / ${t.pool.limit.toLocaleString("en")}`}
                      <MultiplierBadge multiplier={t.multiplier} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
