import { format, formatDistanceToNow } from "date-fns";
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { validationApiUrl } from "@/lib/keys/test-key";
import { effectiveLimits } from "@/lib/policy/compile-policy";
import { canManage, tenantPage } from "@/lib/tenancy/tenant-page";
import { CreateKeyForm } from "./create-key-form";
import { KeyActions } from "./key-actions";
import { TestKeyPanel } from "./test-key-panel";

export const metadata: Metadata = { title: "API keys" };

const STATUS_STYLE = {
  active: "bg-emerald-100 text-emerald-800",
  rotating: "bg-amber-100 text-amber-900",
  expired: "bg-slate-200 text-slate-700",
  revoked: "bg-red-100 text-red-800",
} as const;

export default async function KeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await tenantPage((await params).slug);
  const [keys, tenant] = await Promise.all([
    listApiKeys(ctx),
    ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, include: { plan: true } }),
  ]);
  const limits = effectiveLimits(tenant, tenant.plan);
  const manage = canManage(ctx.role);
  const slug = ctx.tenant.slug;
  return (
    <>
      <h1 className="text-2xl font-semibold">API keys</h1>
      {manage ? (
        <Card
          title="Create a key"
          description="One key per integration, so each can be revoked or rotated on its own."
        >
          <CreateKeyForm
            tenant={slug}
            bounds={{ perMinute: limits.keyPerMinute, perHour: limits.keyPerHour, burst: limits.keyBurst }}
            forwardAuthUrl={`${validationApiUrl()}/v1/forward-auth`}
          />
        </Card>
      ) : null}
      <Card title={`Keys (${keys.length})`}>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">
            No keys yet.{manage ? " Create one above for your first integration." : ""}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">Name</th>
                  <th className="py-2 pr-3 font-medium">Key</th>
                  <th className="py-2 pr-3 font-medium">Created</th>
                  <th className="py-2 pr-3 font-medium">Last used</th>
                  <th className="py-2 pr-3 font-medium">Status</th>
                  {manage ? <th className="py-2 text-right font-medium">Actions</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {keys.map((key) => (
                  <tr key={key.id} data-testid="key-row" data-name={key.name}>
                    <td className="py-3 pr-3 font-medium">{key.name}</td>
                    <td className="py-3 pr-3 font-mono text-xs">
                      {key.prefix}…{key.last4}
                    </td>
                    <td className="py-3 pr-3">
                      {format(key.createdAt, "d MMM yyyy")}
                      <span className="block text-xs text-slate-500">by {key.createdBy}</span>
                    </td>
                    <td className="py-3 pr-3">
                      {key.lastUsedAt ? formatDistanceToNow(key.lastUsedAt, { addSuffix: true }) : "never"}
                    </td>
                    <td className="py-3 pr-3">
                      <span
                        data-testid="key-status"
                        className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[key.status]}`}
                      >
                        {key.status}
                      </span>
                      {key.expiresAt && key.status !== "revoked" ? (
                        <span className="block text-xs text-slate-500">
                          until {format(key.expiresAt, "d MMM yyyy HH:mm")}
                        </span>
                      ) : null}
                    </td>
                    {manage ? (
                      <td className="py-3 text-right">
                        {key.status === "active" ? (
                          <KeyActions tenant={slug} keyId={key.id} name={key.name} />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="Test a key" description="See exactly what an integrator's health check gets back.">
        <TestKeyPanel tenant={slug} endpoint={`${validationApiUrl()}/v1/keys/self`} />
      </Card>
    </>
  );
}
