import { expect, test } from "@playwright/test";
import { inviteMember } from "@/lib/members/invite-member";
import { resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { as } from "../tests/support/factories";
import { seedTenant, signInByApi } from "./support/accounts";

test("the audit log filters, paginates, verifies its chain and exports CSV", async ({ page }) => {
  const { owner, tenant } = await seedTenant("auditlog");
  const ctx = await as(owner.id, () => resolveTenant(tenant.slug, ["OWNER"]));
  for (let i = 0; i < 30; i++) await inviteMember(ctx, { email: `guest${i}@audit.test`, role: "VIEWER" });
  await signInByApi(page.request, owner.email);

  await page.goto(`/t/${tenant.slug}/audit`);
  await expect(page.getByTestId("chain-status")).toContainText("31 events, hash chain intact");
  await expect(page.getByRole("heading", { name: "31 events" })).toBeVisible();
  await expect(page.getByTestId("audit-row")).toHaveCount(25);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(6);

  await page.getByLabel("Action").selectOption("tenant.create");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  await expect(page.getByTestId("audit-row")).toContainText(owner.email);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const csv = readFileSync(file, "utf8").trim().split("\r\n");
  expect(csv[0]).toMatch(/^seq,createdAt,actorEmail/);
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain("tenant.create");
});
