import { expect, test } from "@playwright/test";
import { seedTenant, signInByApi } from "./support/accounts";

test("a user of tenant B gets 404 for tenant A's pages and export, with none of A's data", async ({
  page,
}) => {
  const a = await seedTenant("alpha");
  const b = await seedTenant("bravo");
  await signInByApi(page.request, b.owner.email);

  for (const path of [`/t/${a.tenant.slug}`, `/t/${a.tenant.slug}/members`, `/t/${a.tenant.slug}/audit`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText(a.owner.email)).toHaveCount(0);
  }
  const exported = await page.request.get(`/api/t/${a.tenant.slug}/audit/export`);
  expect(exported.status()).toBe(404);
  expect(await exported.text()).not.toContain(a.owner.email);

  const own = await page.request.get(`/api/t/${b.tenant.slug}/audit/export`);
  expect(own.status()).toBe(200);
  expect(own.headers()["x-request-id"]).toBeTruthy();
  expect(await own.text()).toContain("tenant.create");
});
