import { expect, test } from "@playwright/test";
import { PASSWORD, seedTenant, signInWithForm, uniqueSlug } from "./support/accounts";

test("sign up opens the new tenant's dashboard; sign out; sign in again", async ({ page }) => {
  const slug = uniqueSlug("acme");
  const email = `ada@${slug}.test`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organisation name").fill("Acme Corp");
  await page.getByLabel("Organisation slug").fill(slug);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(new RegExp(`/t/${slug}$`));
  await expect(page.getByRole("heading", { name: "Acme Corp" })).toBeVisible();
  await expect(page.getByTestId("current-role")).toHaveText("owner");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`/t/${slug}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);

  await signInWithForm(page, email);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}$`));
  await expect(page.getByRole("heading", { name: "Acme Corp" })).toBeVisible();
});

test("a wrong password shows a clear error that does not reveal whether the account exists", async ({
  page,
}) => {
  const { owner } = await seedTenant("wrongpw");
  await signInWithForm(page, owner.email, "not-the-password");
  const alert = page.locator("form [role=alert]");
  await expect(alert).toContainText("do not match an account");
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);
  const forExisting = await alert.textContent();

  await signInWithForm(page, `nobody-${Date.now()}@nowhere.test`, "not-the-password");
  await expect(page.locator("form [role=alert]")).toHaveText(forExisting ?? "");
});

test("sign-up shows a message beside each bad field and keeps what was typed", async ({ page }) => {
  const { owner } = await seedTenant("taken");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Bob");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Organisation name").fill("Bob Co");
  await page.getByLabel("Organisation slug").fill("Bad Slug!");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.locator('[data-field-error="email"]')).toContainText("valid email");
  await expect(page.locator('[data-field-error="password"]')).toContainText("at least 12");
  await expect(page.locator('[data-field-error="tenantSlug"]')).toContainText("lowercase letters");
  await expect(page.getByLabel("Organisation name")).toHaveValue("Bob Co");

  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organisation slug").fill(uniqueSlug("bob"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator('[data-field-error="email"]')).toContainText("already exists");
  await expect(page).toHaveURL(/\/signup/);
});
