import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { as } from "../tests/support/factories";
import { PASSWORD, seedTenant, signInByApi, uniqueSlug } from "./support/accounts";
import { API_URL, eventually } from "./support/validation-api";

/** The key's per-minute limit as the validation API enforces it now, read from RateLimit-Policy. */
async function keyMinuteLimit(secret: string): Promise<number | undefined> {
  const response = await fetch(`${API_URL}/v1/forward-auth`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  const policy = response.headers.get("ratelimit-policy") ?? "";
  const match = /"key_minute";q=(\d+)/.exec(policy);
  return match ? Number(match[1]) : undefined;
}

test("add a CORS origin in the browser: /v1/forward-auth answers its preflight", async ({ page }) => {
  const { owner, tenant } = await seedTenant("cors");
  await signInByApi(page.request, owner.email);
  const preflight = () =>
    fetch(`${API_URL}/v1/forward-auth?tenant=${tenant.slug}`, {
      headers: {
        "x-forwarded-method": "OPTIONS",
        "x-forwarded-uri": "/api/v1/items",
        origin: "https://app.example.com",
        "access-control-request-method": "POST",
      },
    });
  expect((await preflight()).status).toBe(403);

  await page.goto(`/t/${tenant.slug}/cors`);
  const form = page.getByRole("form", { name: "Add an origin" });
  await form.getByLabel("Origin").fill("https://app.example.com/path");
  await form.getByRole("button", { name: "Add origin" }).click();
  await expect(form.getByText(/no path/i)).toBeVisible();
  await form.getByLabel("Origin").fill("https://app.example.com");
  await form.getByRole("button", { name: "Add origin" }).click();
  await expect(page.getByRole("cell", { name: "https://app.example.com", exact: true })).toBeVisible();

  const answered = await eventually(preflight, (r) => r.status === 204, 2_000);
  expect(answered.status).toBe(204);
  expect(answered.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
  expect(answered.headers.get("access-control-allow-methods")).toContain("POST");
});

test("the operator applies a 2x boost: the limits double, and after its end time they return by themselves", async ({
  page,
}) => {
  const { owner, tenant } = await seedTenant("boosted");
  const ctx = await as(owner.id, () => resolveTenant(tenant.slug, ["OWNER"]));
  const { secret } = await createApiKey(ctx, { name: "Boosted integration" });
  const operator = await db().user.create({
    data: {
      email: `${uniqueSlug("op")}@operators.test`,
      name: "Op",
      passwordHash: await hashPassword(PASSWORD),
      isOperator: true,
    },
  });
  expect(
    await eventually(
      () => keyMinuteLimit(secret),
      (l) => l === 60,
    ),
  ).toBe(60);

  await signInByApi(page.request, operator.email);
  await page.goto(`/operator/tenants/${tenant.id}`);
  const form = page.getByRole("form", { name: "Add a boost or penalty" });
  await form.getByLabel("Multiplier").fill("2");
  await form.getByLabel("Reason").fill("Launch day");
  // Ends 8 s from now, written as the browser's local wall-clock time with seconds.
  const endsAt = await page.evaluate(() => {
    const d = new Date(Date.now() + 8_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  });
  await form.getByLabel("Ends at (your local time)").fill(endsAt);
  await form.getByRole("button", { name: "Add adjustment" }).click();
  await expect(form.getByRole("status")).toContainText("×2");

  expect(
    await eventually(
      () => keyMinuteLimit(secret),
      (l) => l === 120,
      2_000,
    ),
  ).toBe(120);
  const adjustment = await db().adjustment.findFirstOrThrow({ where: { tenantId: tenant.id } });
  // Nothing else happens: the boost's end time alone brings the limit back.
  const back = await eventually(
    () => keyMinuteLimit(secret),
    (l) => l === 60,
    15_000,
  );
  expect(back).toBe(60);
  expect(Date.now()).toBeGreaterThanOrEqual(adjustment.endsAt.getTime());
});

test("choose fail closed in the browser: saved, audited and published", async ({ page }) => {
  const { owner, tenant } = await seedTenant("failmode");
  await signInByApi(page.request, owner.email);
  await page.goto(`/t/${tenant.slug}/limits`);
  const form = page.getByRole("form", { name: "Failure mode" });
  await expect(form.getByLabel("Failure mode")).toHaveValue("OPEN");
  await form.getByLabel("Failure mode").selectOption("CLOSED");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("503");
  await expect(form.getByLabel("Failure mode")).toHaveValue("CLOSED"); // the saved value, not the old default
  await page.reload();
  await expect(page.getByRole("form", { name: "Failure mode" }).getByLabel("Failure mode")).toHaveValue(
    "CLOSED",
  );
  const saved = await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
  expect(saved).toMatchObject({ failureMode: "CLOSED", publishedVersion: saved.policyVersion });
  expect(
    await db().auditEvent.count({ where: { tenantId: tenant.id, action: "limits.failure_mode_change" } }),
  ).toBe(1);
});
