import { format } from "date-fns";
import type { Metadata } from "next";
import { ActionForm, type FieldSpec } from "@/components/action-form";
import { ConfirmAction } from "@/components/confirm-action";
import { Card } from "@/components/ui/card";
import { currentPolicy } from "@/lib/limits/current-policy";
import { METHODS } from "@/lib/limits/limits.types";
import { canManage, tenantPage } from "@/lib/tenancy/tenant-page";
import {
  createRuleAction,
  deleteRuleAction,
  setFailureModeAction,
  setIpLimitAction,
  updateKeyLimitsAction,
  updateRuleAction,
} from "./actions";
import { Simulator } from "./simulator";

export const metadata: Metadata = { title: "Limits" };

const methodOptions = METHODS.map((m) => ({ value: m, label: m === "*" ? "Any method" : m }));
const FAILURE_MODE_OPTIONS = [
  { value: "OPEN", label: "Fail open (local limiter)" },
  { value: "CLOSED", label: "Fail closed (503)" },
];

function ruleFields(rule?: {
  method: string;
  pathPattern: string;
  cost: number;
  perMinute: number | null;
  exempt: boolean;
}): FieldSpec[] {
  return [
    {
      name: "method",
      label: "Method",
      type: "select",
      options: methodOptions,
      defaultValue: rule?.method ?? "GET",
    },
    {
      name: "pathPattern",
      label: "Path pattern",
      defaultValue: rule?.pathPattern,
      width: "wide",
      placeholder: "/api/v1/items/:id",
    },
    {
      name: "cost",
      label: "Cost (points)",
      type: "number",
      defaultValue: String(rule?.cost ?? 1),
      width: "narrow",
    },
    {
      name: "perMinute",
      label: "Own limit / min / key",
      type: "number",
      defaultValue: rule?.perMinute?.toString() ?? "",
      placeholder: "none",
    },
    { name: "exempt", label: "Exempt (webhooks)", type: "checkbox", defaultValue: rule?.exempt ? "on" : "" },
  ];
}

export default async function LimitsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await tenantPage((await params).slug);
  const [{ policy, plan, tenant, multiplier }, rules, keys] = await Promise.all([
    currentPolicy(ctx),
    ctx.db.endpointRule.findMany({ orderBy: [{ pathPattern: "asc" }, { method: "asc" }] }),
    ctx.db.apiKey.findMany({ where: { revokedAt: null }, orderBy: { createdAt: "asc" } }),
  ]);
  const manage = canManage(ctx.role);
  const slug = ctx.tenant.slug;
  const rows: [string, number, number | null, number | null][] = [
    [
      "Tenant pool, points per minute (all keys)",
      plan.poolPointsPerMinute,
      tenant.poolPointsPerMinute,
      policy.limits.poolPointsPerMinute,
    ],
    ["Per key, requests per minute", plan.keyPerMinute, tenant.keyPerMinute, policy.limits.keyPerMinute],
    ["Per key, requests per hour", plan.keyPerHour, tenant.keyPerHour, policy.limits.keyPerHour],
    ["Per key, burst (requests per second)", plan.keyBurst, tenant.keyBurst, policy.limits.keyBurst],
    ["Per source IP, requests per minute", Number.NaN, null, policy.limits.ipPerMinute],
  ];
  const now = Date.now();
  const active = policy.adjustments.filter((a) => a.startsAt <= now && now < a.endsAt);
  return (
    <>
      <h1 className="text-2xl font-semibold">Limits</h1>
      <Card
        title={`Effective limits · ${plan.name} plan`}
        description="Plan values, your overrides, and what is enforced right now with active boosts or penalties."
      >
        <table className="w-full text-left text-sm" data-testid="effective-limits">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">Limit</th>
              <th className="py-2 font-medium">Plan</th>
              <th className="py-2 font-medium">Override</th>
              <th className="py-2 font-medium">Effective now{multiplier !== 1 ? ` (×${multiplier})` : ""}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(([label, planValue, override, effective]) => (
              <tr key={label}>
                <td className="py-2">{label}</td>
                <td className="py-2">{Number.isNaN(planValue) ? "—" : planValue}</td>
                <td className="py-2">{override ?? "—"}</td>
                <td className="py-2 font-medium" data-testid="effective-value">
                  {effective === null ? "no limit" : Math.floor(effective * multiplier)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {active.length ? (
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {active.map((a) => (
              <li key={`${a.reason}-${a.startsAt}`}>
                ×{a.multiplier} — {a.reason}{" "}
                {a.endsAt < Date.UTC(9000, 0, 1)
                  ? `(until ${format(a.endsAt, "d MMM HH:mm")})`
                  : "(until switched off)"}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <Card
        title="Endpoint rules"
        description="Method and path pattern → cost in pool points, an optional own limit per key, or exempt. The most specific rule wins."
      >
        {rules.length === 0 ? (
          <p className="mb-4 text-sm text-slate-600">No rules yet: every request costs 1 point.</p>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {rules.map((rule) => (
            <li
              key={rule.id}
              className="flex flex-wrap items-end justify-between gap-3 py-3"
              data-testid="rule-row"
              data-path={rule.pathPattern}
            >
              {manage ? (
                <ActionForm
                  action={updateRuleAction}
                  label={`Rule ${rule.method} ${rule.pathPattern}`}
                  hidden={{ tenant: slug, ruleId: rule.id }}
                  fields={ruleFields(rule)}
                  submit="Save"
                  inline
                />
              ) : (
                <span className="text-sm">
                  <code>
                    {rule.method} {rule.pathPattern}
                  </code>{" "}
                  · cost {rule.cost}
                  {rule.perMinute ? ` · ${rule.perMinute}/min per key` : ""}
                  {rule.exempt ? " · exempt" : ""}
                </span>
              )}
              {manage ? (
                <ConfirmAction
                  action={deleteRuleAction}
                  fields={{ tenant: slug, ruleId: rule.id }}
                  label="Delete"
                  question={`Delete the rule for ${rule.method} ${rule.pathPattern}?`}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {manage ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <h3 className="mb-2 text-sm font-semibold">Add a rule</h3>
            <ActionForm
              action={createRuleAction}
              label="Add an endpoint rule"
              hidden={{ tenant: slug }}
              fields={ruleFields()}
              submit="Add rule"
              inline
            />
          </div>
        ) : null}
      </Card>

      <Card
        title="Per-IP limit"
        description="Requests per minute from one source address across all your keys. Leave empty for none."
      >
        {manage ? (
          <ActionForm
            action={setIpLimitAction}
            label="Per-IP limit"
            hidden={{ tenant: slug }}
            fields={[
              {
                name: "ipPerMinute",
                label: "Requests per minute per IP",
                type: "number",
                width: "wide",
                defaultValue: tenant.ipPerMinute?.toString() ?? "",
                placeholder: "no limit",
              },
            ]}
            submit="Save"
            inline
          />
        ) : (
          <p className="text-sm">{tenant.ipPerMinute ? `${tenant.ipPerMinute} per minute` : "No IP limit"}</p>
        )}
      </Card>

      <Card
        title="When the limiter is unreachable"
        description="If Redis does not answer within 150 ms: fail open keeps your API up, each validation process deciding with a local limiter (its share of every limit) and marking its answers; fail closed refuses with 503 until Redis is back."
      >
        {manage ? (
          <ActionForm
            action={setFailureModeAction}
            label="Failure mode"
            hidden={{ tenant: slug }}
            fields={[
              {
                name: "failureMode",
                label: "Failure mode",
                type: "select",
                options: FAILURE_MODE_OPTIONS,
                defaultValue: tenant.failureMode,
                width: "wide",
              },
            ]}
            submit="Save"
            inline
          />
        ) : (
          <p className="text-sm">{FAILURE_MODE_OPTIONS.find((o) => o.value === tenant.failureMode)?.label}</p>
        )}
      </Card>

      <Card
        title="Per-key overrides"
        description={`Tighter limits for one key; empty means the tenant's value (${policy.limits.keyPerMinute}/min, ${policy.limits.keyPerHour}/h, burst ${policy.limits.keyBurst}).`}
      >
        {keys.length === 0 ? <p className="text-sm text-slate-600">No keys yet.</p> : null}
        <ul className="divide-y divide-slate-100">
          {keys.map((key) => (
            <li key={key.id} className="py-3">
              <p className="mb-2 text-sm font-medium">{key.name}</p>
              {manage ? (
                <ActionForm
                  action={updateKeyLimitsAction}
                  label={`Limits of ${key.name}`}
                  hidden={{ tenant: slug, keyId: key.id }}
                  inline
                  submit="Save"
                  fields={[
                    {
                      name: "perMinute",
                      label: "Per minute",
                      type: "number",
                      defaultValue: key.perMinute?.toString() ?? "",
                      placeholder: String(policy.limits.keyPerMinute),
                    },
                    {
                      name: "perHour",
                      label: "Per hour",
                      type: "number",
                      defaultValue: key.perHour?.toString() ?? "",
                      placeholder: String(policy.limits.keyPerHour),
                    },
                    {
                      name: "burst",
                      label: "Burst / s",
                      type: "number",
                      defaultValue: key.burst?.toString() ?? "",
                      placeholder: String(policy.limits.keyBurst),
                    },
                  ]}
                />
              ) : (
                <p className="text-sm text-slate-600">
                  {key.perMinute ?? "—"}/min · {key.perHour ?? "—"}/h · burst {key.burst ?? "—"}
                </p>
              )}
            </li>
          ))}
        </ul>
      </Card>

      <Card
        title="Simulator"
        description="Which limits apply to a request, what it costs, and what remains of each right now."
      >
        <Simulator tenant={slug} keys={keys.map((k) => ({ id: k.id, name: k.name }))} />
      </Card>
    </>
  );
}
