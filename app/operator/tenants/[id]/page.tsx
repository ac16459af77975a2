import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { operatorPage } from "@/lib/operator/operator-page";
import { getTenantDetail } from "@/lib/operator/tenant-detail";
import { formatMultiplier } from "../../multiplier-badge";
import { StatusBadge } from "../../status-badge";
import { AdjustmentForm } from "./adjustment-form";
import { AdjustmentsTable } from "./adjustments-table";
import { LimitsTable } from "./limits-table";
import { PlanForm } from "./plan-form";
import { StatusControl } from "./status-control";

export const metadata: Metadata = { title: "Tenant · Operator" };
export const dynamic = "force-dynamic";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default async function OperatorTenantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await operatorPage(`/operator/tenants/${id}`);
  const detail = await getTenantDetail(id);
  if (!detail) notFound();
  const { tenant } = detail;
  return (
    <>
      <p className="text-sm">
        <Link href="/operator" className="underline">
          ← All tenants
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{tenant.name}</h1>
        <StatusBadge status={tenant.status} />
        <code className="text-sm text-slate-500">{tenant.slug}</code>
        <span className="text-sm text-slate-600">
          {plural(tenant._count.memberships, "member")} · {plural(tenant._count.apiKeys, "key")}
        </span>
      </div>
      <Card title="Plan and limits" description={`On the ${tenant.plan.name} plan.`}>
        <div className="space-y-6">
          <PlanForm tenantId={tenant.id} planId={tenant.planId} plans={detail.plans} />
          {detail.multiplier !== 1 ? (
            <p className="text-sm text-slate-700">
              Limits are multiplied by ×{formatMultiplier(detail.multiplier)} right now
              {detail.incident
                ? ` (incident mode ×${formatMultiplier(detail.incident.multiplier)} included)`
                : ""}
              .
            </p>
          ) : null}
          <LimitsTable limits={detail.limits} multiplier={detail.multiplier} poolUsed={detail.poolUsed} />
        </div>
      </Card>
      <Card
        title="Boosts and penalties"
        description="Multiply every limit of this tenant until the end time; they stop applying by themselves."
      >
        <div className="space-y-6">
          <AdjustmentForm tenantId={tenant.id} />
          <AdjustmentsTable tenantId={tenant.id} adjustments={detail.adjustments} />
        </div>
      </Card>
      <Card title="Status">
        <StatusControl tenantId={tenant.id} name={tenant.name} status={tenant.status} />
      </Card>
    </>
  );
}
