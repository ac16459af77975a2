import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { activeIncident } from "@/lib/operator/active-incident";
import { endIncident } from "@/lib/operator/end-incident";
import { PASSWORD, seedMember, seedTenant, signInByApi, uniqueSlug } from "./support/accounts";

/** Console errors of a page, collected from now on. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    // The app has no favicon yet: the browser's own request for it is not this page's error.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico"))
      errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

async function noSeriousAxeViolations(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help}`),
    name,
  ).toEqual([]);
}

async function operatorAccount() {
  return db().user.create({
    data: {
      email: `${uniqueSlug("operator")}@operators.test`,
      name: "Operator",
      passwordHash: await hashPassword(PASSWORD),
      isOperator: true,
    },
  });
}

test("an operator boosts, ends the boost, changes the plan, suspends and reactivates a tenant", async ({
  page,
}) => {
  const { tenant } = await seedTenant("operated");
  const operator = await operatorAccount();
  const errors = consoleErrors(page);
  await signInByApi(page.request, operator.email);

  await page.goto("/operator");
  await noSeriousAxeViolations(page, "operator-tenants");
  const row = page.locator(`[data-testid="tenant-row"][data-slug="${tenant.slug}"]`);
  await row.getByRole("link", { name: tenant.name }).click();
  await expect(page.getByRole("heading", { name: tenant.name })).toBeVisible();
  await noSeriousAxeViolations(page, "operator-tenant");

  const boost = page.getByRole("form", { name: "Add a boost or penalty" });
  await boost.getByLabel("Multiplier").fill("7");
  await boost.getByLabel("Reason").fill("Migration window");
  await boost.getByRole("button", { name: "48 h" }).click();
  await boost.getByRole("button", { name: "Add adjustment" }).click();
  await expect(boost.locator('[data-field-error="multiplier"]')).toContainText("0.1 to 5");
  await expect(boost.getByLabel("Reason")).toHaveValue("Migration window"); // kept after the refusal
  await boost.getByLabel("Multiplier").fill("2");
  await boost.getByRole("button", { name: "48 h" }).click();
  await boost.getByRole("button", { name: "Add adjustment" }).click();
  await expect(boost.getByRole("status")).toContainText("Boost of ×2 added");
  const adjustment = page.getByTestId("adjustment-row");
  await expect(adjustment).toContainText("Boost ×2");
  await expect(adjustment).toContainText("in 2 days"); // read in the browser's zone, not the server's

  await adjustment.getByRole("button", { name: "End now" }).click();
  await adjustment.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("No active or scheduled boosts or penalties.")).toBeVisible();

  await page.getByLabel("Plan", { exact: true }).selectOption("plan_professional");
  await page.getByRole("button", { name: "Change plan" }).click();
  await expect(page.getByText("On the Professional plan.")).toBeVisible();

  await page.getByRole("button", { name: "Suspend tenant" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("tenant-status")).toHaveText("suspended");
  await page.getByRole("button", { name: "Reactivate tenant" }).click();
  await expect(page.getByTestId("tenant-status")).toHaveText("active");

  const actions = await db().auditEvent.findMany({ where: { tenantId: tenant.id, actorId: operator.id } });
  expect(actions.map((a) => a.action).sort()).toEqual(
    [
      "adjustment.create",
      "adjustment.end",
      "tenant.plan_change",
      "tenant.reactivate",
      "tenant.suspend",
    ].sort(),
  );
  expect(errors).toEqual([]);
});

test("an operator switches incident mode on and off", async ({ page }) => {
  const operator = await operatorAccount();
  const errors = consoleErrors(page);
  await signInByApi(page.request, operator.email);
  try {
    await page.goto("/operator/incident");
    await noSeriousAxeViolations(page, "operator-incident-off");
    const on = page.getByRole("form", { name: "Switch incident mode on" });
    await expect(on.getByLabel("Multiplier")).toHaveValue("5");
    await on.getByLabel("Reason").fill("Breach response INC-9");
    await on.getByRole("button", { name: "Switch incident mode on" }).click();
    await expect(page.getByTestId("incident-state")).toContainText("×5");
    await noSeriousAxeViolations(page, "operator-incident-on");
    await page.getByRole("button", { name: "Switch off" }).click();
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Incident mode is off" })).toBeVisible();
    await expect(page.getByTestId("incident-row").first()).toContainText("Breach response INC-9");
    expect(errors).toEqual([]);
  } finally {
    const left = await activeIncident(); // never leave the platform boosted for the next spec
    if (left)
      await endIncident(
        { user: operator, meta: { ip: null, userAgent: "e2e", requestId: "cleanup" } },
        { incidentId: left.id },
      );
  }
});

test("a tenant admin who is not an operator gets 404 on every operator page", async ({ page }) => {
  const { tenant } = await seedTenant("not-operator");
  const admin = await seedMember(tenant.id, "ADMIN", "admin");
  await signInByApi(page.request, admin.email);
  for (const path of ["/operator", `/operator/tenants/${tenant.id}`, "/operator/incident"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
