import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { seedMember, seedTenant, signInByApi } from "./support/accounts";

test("a viewer sees no controls that change anything, and the server refuses the change anyway", async ({
  browser,
  baseURL,
}) => {
  const { owner, tenant } = await seedTenant("viewer");
  const viewer = await seedMember(tenant.id, "VIEWER", "vic");

  // The owner's page holds the real invite form; keep its fields (including Next's action id).
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInByApi(ownerPage.request, owner.email);
  await ownerPage.goto(`/t/${tenant.slug}/members`);
  const fields = await ownerPage
    .getByRole("form", { name: "Invite a member" })
    .evaluate((form) => [...new FormData(form as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)]));
  await ownerContext.close();

  const viewerContext = await browser.newContext();
  const page = await viewerContext.newPage();
  await signInByApi(page.request, viewer.email);
  for (const path of ["", "/members", "/audit"]) {
    await page.goto(`/t/${tenant.slug}${path}`);
    await expect(page.getByTestId("current-role")).toHaveText("viewer");
    await expect(page.locator("main form[method=post], main form:not([method])")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /invite|remove|save role|revoke/i })).toHaveCount(0);
    if (path === "/members") await expect(page.getByText("You are a viewer")).toBeVisible();
  }

  // Replay the owner's form with the viewer's session.
  const multipart: Record<string, string> = Object.fromEntries(fields);
  multipart.email = "sneaky@viewer.test";
  multipart.role = "ADMIN";
  const response = await page.request.post(`/t/${tenant.slug}/members`, {
    multipart,
    headers: { origin: baseURL ?? "" },
  });
  expect(response.status()).toBeLessThan(500);
  expect(await db().invitation.count({ where: { tenantId: tenant.id } })).toBe(0);
  await viewerContext.close();
});
