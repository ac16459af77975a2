import { DEMO_MEMBERS, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";
import { DEMO_KEY_NAME } from "@/lib/seed/demo-enforcement";
import type { SeedPlan, SeedResult } from "@/lib/seed/seed";
import { DEFAULT_SERVICE_TOKEN_NAME } from "@/lib/seed/service-token";
import { line } from "./log";

type Running = {
  url: string;
  /** The validation API's base URL. */
  apiUrl: string;
  plan: SeedPlan;
  seeded: SeedResult;
  mailUrl: string | null;
  /** Where policies and counters live, in words. */
  redis: string;
};

/** The block `npm start` ends with: where Sluice runs and how to sign in. */
export function printRunningBanner({ url, apiUrl, plan, seeded, mailUrl, redis }: Running): void {
  const rows: [string, string][] = [];
  if (plan.demo) {
    for (const member of DEMO_MEMBERS) {
      rows.push([`demo ${member.role.toLowerCase()}`, `${member.email} / ${DEMO_PASSWORD}`]);
    }
  }
  rows.push(["operator", operatorRow(plan, seeded)]);
  if (plan.demo) {
    const key = seeded.demoApiKey ? "printed above, save it now" : "shown once when it was created";
    rows.push(["demo API key", `"${DEMO_KEY_NAME}" (${key})`]);
  }
  const token = seeded.serviceToken ? "printed above, save it now" : "shown once when it was created";
  rows.push(["service token", `"${DEFAULT_SERVICE_TOKEN_NAME}" (${token})`]);
  rows.push(["validation API", `${apiUrl}/v1/check (see README: "Try it")`]);
  rows.push(["mail", mailUrl ?? "sent through SMTP_URL"]);
  rows.push(["redis", redis]);

  line("");
  line(`Sluice is running: ${url}`);
  for (const [label, value] of rows) line(`  ${label.padEnd(14)} ${value}`);
  line("Ctrl-C stops everything.");
}

function operatorRow(plan: SeedPlan, seeded: SeedResult): string {
  const op = seeded.operator;
  if (!op) return "none (set SLUICE_OPERATOR_EMAIL / SLUICE_OPERATOR_PASSWORD)";
  if (op.generatedPassword) return `${op.email} (password printed above, save it now)`;
  if (op.outcome === "promoted") return `${op.email} (existing account, now an operator)`;
  const generated = plan.operator?.generated ?? false;
  if (op.outcome === "created") return `${op.email} (password from SLUICE_OPERATOR_PASSWORD)`;
  return `${op.email} (${generated ? "password printed on first run" : "password from SLUICE_OPERATOR_PASSWORD when created"})`;
}
