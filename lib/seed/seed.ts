import { randomPassword } from "@/lib/dev/secrets";
import { systemMeta } from "@/lib/request-context";
import { DEFAULT_OPERATOR_EMAIL, normalizeEmail } from "./demo-accounts";
import { ensureDemoTenant } from "./demo-tenant";
import { ensureOperator, type OperatorOutcome } from "./operator";
import { DEFAULT_SERVICE_TOKEN_NAME, ensureServiceToken } from "./service-token";

export type SeedPlan = {
  /** The operator to ensure, or null when there is none to create (see `planSeed`). */
  operator: { email: string; password: string; generated: boolean } | null;
  demo: boolean;
};

export type SeedResult = {
  operator: { email: string; outcome: OperatorOutcome; generatedPassword: string | null } | null;
  demoAdded: string[] | null;
  /** Secrets created by this run, printed once by `describeSeed`; null when none was created. */
  demoApiKey: string | null;
  serviceToken: string | null;
};

/**
 * What to seed. `embedded` is true when running on the zero-config local setup (embedded
 * Postgres): only then is an operator invented and the demo tenant added by default.
 * Elsewhere the operator comes from SLUICE_OPERATOR_EMAIL (and _PASSWORD; a missing password
 * is generated) and the demo tenant needs SLUICE_SEED_DEMO=1.
 */
export function planSeed(env: NodeJS.ProcessEnv, embedded: boolean): SeedPlan {
  const email = env.SLUICE_OPERATOR_EMAIL?.trim() || (embedded ? DEFAULT_OPERATOR_EMAIL : "");
  const password = env.SLUICE_OPERATOR_PASSWORD ?? "";
  return {
    operator: email
      ? { email: normalizeEmail(email), password: password || randomPassword(), generated: !password }
      : null,
    demo: embedded || env.SLUICE_SEED_DEMO === "1",
  };
}

/** Idempotent: a second run finds everything in place and writes nothing. */
export async function runSeed(plan: SeedPlan): Promise<SeedResult> {
  const meta = systemMeta(); // one request id for the whole run, to find its events together
  let operator: SeedResult["operator"] = null;
  if (plan.operator) {
    const { email, password, generated } = plan.operator;
    const outcome = await ensureOperator(email, password, meta);
    operator = { email, outcome, generatedPassword: outcome === "created" && generated ? password : null };
  }
  const demo = plan.demo ? await ensureDemoTenant(meta) : null;
  const serviceToken = await ensureServiceToken(meta);
  return { operator, demoAdded: demo?.added ?? null, demoApiKey: demo?.apiKeySecret ?? null, serviceToken };
}

/** A boxed secret: shown on the run that created it, never again. */
function secretBox(title: string, rows: [string, string][]): string[] {
  return [
    `┌─ ${title} ${"─".repeat(Math.max(3, 53 - title.length))}`,
    ...rows.map(([label, value]) => `│ ${label.padEnd(9)} ${value}`),
    "└─ save it now, it will not be shown again ──────────────",
  ];
}

/** Human-readable lines about what the seed did; generated secrets appear only here. */
export function describeSeed(result: SeedResult): string[] {
  const lines: string[] = [];
  const op = result.operator;
  if (!op)
    lines.push("operator: none (set SLUICE_OPERATOR_EMAIL and SLUICE_OPERATOR_PASSWORD to create one)");
  else if (op.outcome === "exists") lines.push(`operator: ${op.email} exists, left unchanged`);
  else lines.push(`operator: ${op.email} ${op.outcome}`);
  if (op?.generatedPassword) {
    lines.push(
      ...secretBox("operator account created", [
        ["email", op.email],
        ["password", op.generatedPassword],
      ]),
    );
  }
  if (result.demoAdded === null) lines.push("demo tenant: not seeded (set SLUICE_SEED_DEMO=1 to add it)");
  else if (result.demoAdded.length === 0) lines.push("demo tenant: already in place");
  else lines.push(`demo tenant: added ${result.demoAdded.join(", ")}`);
  if (result.demoApiKey) lines.push(...secretBox("demo API key created", [["key", result.demoApiKey]]));
  if (result.serviceToken) {
    lines.push(
      ...secretBox("service token created", [
        ["name", DEFAULT_SERVICE_TOKEN_NAME],
        ["token", result.serviceToken],
      ]),
    );
  } else lines.push("service token: one exists, left unchanged");
  return lines;
}
