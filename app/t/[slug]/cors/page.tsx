import { format } from "date-fns";
import type { Metadata } from "next";
import { ConfirmAction } from "@/components/confirm-action";
import { Card } from "@/components/ui/card";
import { listOrigins } from "@/lib/cors/list-origins";
import { validationApiUrl } from "@/lib/keys/test-key";
import { canManage, tenantPage } from "@/lib/tenancy/tenant-page";
import { removeOriginAction } from "./actions";
import { AddOriginForm } from "./add-origin-form";
import { OriginRulesHelp } from "./origin-rules-help";

export const metadata: Metadata = { title: "CORS origins" };

export default async function CorsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await tenantPage((await params).slug);
  const origins = await listOrigins(ctx);
  const manage = canManage(ctx.role);
  const slug = ctx.tenant.slug;
  return (
    <>
      <h1 className="text-2xl font-semibold">CORS origins</h1>
      <Card
        title="Which sites may call your API from a browser"
        description="Browsers send an Origin header; only the origins listed here get an answer they can read."
      >
        <OriginRulesHelp forwardAuthUrl={`${validationApiUrl()}/v1/forward-auth?tenant=${slug}`} />
      </Card>
      {manage ? (
        <Card title="Add an origin">
          <AddOriginForm tenant={slug} />
        </Card>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          You are a viewer: you can see the allowed origins but not change them.
        </p>
      )}
      <Card title={`Allowed origins (${origins.length})`}>
        {origins.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="origins-empty">
            No origins yet: every browser request that carries an Origin header is refused.
            {manage ? " Add your web app's origin above." : ""}
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Origin</th>
                <th className="py-2 pr-3 font-medium">Kind</th>
                <th className="py-2 pr-3 font-medium">Added</th>
                {manage ? <th className="py-2 text-right font-medium">Actions</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {origins.map((row) => (
                <tr key={row.id} data-testid="origin-row" data-origin={row.origin}>
                  <td className="py-3 pr-3 font-mono text-xs">{row.origin}</td>
                  <td className="py-3 pr-3">{row.kind === "wildcard" ? "every subdomain" : "exact"}</td>
                  <td className="py-3 pr-3">
                    {format(row.createdAt, "d MMM yyyy")}
                    <span className="block text-xs text-slate-500">by {row.createdBy}</span>
                  </td>
                  {manage ? (
                    <td className="py-3 text-right">
                      <ConfirmAction
                        action={removeOriginAction}
                        fields={{ tenant: slug, originId: row.id }}
                        label="Remove"
                        question={`Remove ${row.origin}? Browsers on it are refused within seconds.`}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
