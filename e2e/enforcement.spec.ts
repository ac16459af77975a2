import { expect, test } from "@playwright/test";
import { seedTenant, signInByApi } from "./support/accounts";
import { check, eventually, serviceToken } from "./support/validation-api";

test("create a key, hit its limit through /v1/check, clear the counter in the browser, read the clear in the audit log", async ({
  page,
}) => {
  const { owner, tenant } = await seedTenant("enforce");
  const token = await serviceToken();
  await signInByApi(page.request, owner.email);

  await page.goto(`/t/${tenant.slug}/keys`);
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Integration name").fill("Billing sync");
  await form.getByLabel("Requests / minute").fill("3");
  await form.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-secret").textContent()) ?? "";
  expect(secret).toMatch(/^sk_live_/);
  await expect(page.getByText("cannot show it again")).toBeVisible();
  // The new key comes with a terminal loop that needs no documentation to try it.
  await expect(page.getByTestId("try-key-loop")).toContainText(`Bearer ${secret}`);
  await expect(page.getByTestId("try-key-loop")).toContainText("/v1/forward-auth");

  const first = await eventually(
    () => check(token, secret),
    (r) => r.status === 200,
  );
  expect(first.status).toBe(200);
  expect((await check(token, secret)).status).toBe(200);
  expect((await check(token, secret)).status).toBe(200);
  const refused = await check(token, secret);
  expect(refused).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED", limit: { name: "key_minute" } });

  await page.goto(`/t/${tenant.slug}/counters`);
  const row = page
    .locator('[data-testid="counter-row"]', { hasText: "Requests" })
    .filter({ hasText: "per minute" });
  await expect(row.getByTestId("counter-usage")).toHaveText("3 / 3");
  await row.getByRole("button", { name: "Clear counter" }).click();
  await row.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("counter-usage").first()).toBeVisible();
  await expect(row.getByTestId("counter-usage")).toHaveText("0 / 3");

  expect((await check(token, secret)).status).toBe(200);

  await page.goto(`/t/${tenant.slug}/audit`);
  const clear = page.locator('[data-testid="audit-row"][data-action="counter.clear"]');
  await expect(clear).toContainText("units:3 → changed to 0");
  await expect(clear).toContainText(owner.email);
});

test("change an endpoint's cost in the browser: the next check is charged the new cost", async ({ page }) => {
  const { owner, tenant } = await seedTenant("cost");
  const token = await serviceToken();
  await signInByApi(page.request, owner.email);

  await page.goto(`/t/${tenant.slug}/keys`);
  await page.getByRole("form", { name: "Create an API key" }).getByLabel("Integration name").fill("Reports");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-secret").textContent()) ?? "";

  await page.goto(`/t/${tenant.slug}/limits`);
  const add = page.getByRole("form", { name: "Add an endpoint rule" });
  await add.getByLabel("Method").selectOption("POST");
  await add.getByLabel("Path pattern").fill("/api/v1/reports/generate");
  await add.getByLabel("Cost (points)").fill("8");
  await add.getByRole("button", { name: "Add rule" }).click();
  await expect(add.getByRole("status")).toContainText("added");

  const charged = await eventually(
    () => check(token, secret, "POST", "/api/v1/reports/generate"),
    (r) => r.cost === 8,
  );
  expect(charged).toMatchObject({ status: 200, cost: 8 });

  const rule = page.getByRole("form", { name: "Rule POST /api/v1/reports/generate" });
  await rule.getByLabel("Cost (points)").fill("5");
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rule.getByRole("status")).toHaveText("Saved");
  const recharged = await eventually(
    () => check(token, secret, "POST", "/api/v1/reports/generate"),
    (r) => r.cost === 5,
  );
  expect(recharged.cost).toBe(5);

  // A bad cost is refused beside the field and the typed value stays.
  await rule.getByLabel("Cost (points)").fill("11");
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rule.getByText("The cost is 1 to 10 points")).toBeVisible();
  await expect(rule.getByLabel("Cost (points)")).toHaveValue("11");
});
