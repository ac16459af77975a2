import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { as } from "../tests/support/factories";
import { seedMember, seedTenant, signInByApi } from "./support/accounts";

const SHOTS = "test-results/screenshots";
const TENANT_PAGES = ["", "/keys", "/limits", "/counters", "/cors", "/members", "/audit"];

/** No serious or critical accessibility violation, and a full-page screenshot to look at. */
async function inspect(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
    name,
  ).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function populatedTenant() {
  const { owner, tenant } = await seedTenant("pages");
  const ctx = await as(owner.id, () => resolveTenant(tenant.slug, ["OWNER"]));
  await createApiKey(ctx, { name: "Billing sync" });
  await db().endpointRule.create({
    data: {
      tenantId: tenant.id,
      method: "POST",
      pathPattern: "/api/v1/reports/generate",
      cost: 8,
      perMinute: 5,
    },
  });
  await db().allowedOrigin.create({ data: { tenantId: tenant.id, origin: "https://app.example.com" } });
  return { owner, tenant };
}

// One test per page: seven pages of axe and full-page screenshots outlast one test's budget on a busy CI.
for (const path of TENANT_PAGES) {
  test(`the tenant page "${path || "/"}" passes axe and is captured, for an owner`, async ({ page }) => {
    const { owner, tenant } = await populatedTenant();
    await signInByApi(page.request, owner.email);
    await page.goto(`/t/${tenant.slug}${path}`);
    await expect(page.getByRole("navigation", { name: "Tenant" })).toBeVisible();
    await inspect(page, `tenant${path.replace("/", "-") || "-overview"}`);
  });
}

test("the signed-out pages pass axe too", async ({ page }) => {
  for (const path of ["/login", "/signup"]) {
    await page.goto(path);
    await inspect(page, `public${path.replace("/", "-")}`);
  }
});

for (const path of ["/keys", "/limits", "/cors"]) {
  test(`the empty state of "${path}" passes axe too`, async ({ page }) => {
    const { owner, tenant } = await seedTenant("empty");
    await signInByApi(page.request, owner.email);
    await page.goto(`/t/${tenant.slug}${path}`);
    await inspect(page, `empty${path.replace("/", "-")}`);
  });
}

test("a viewer sees every page read-only", async ({ page }) => {
  const { tenant } = await populatedTenant();
  const viewer = await seedMember(tenant.id, "VIEWER", "reader");
  await signInByApi(page.request, viewer.email);
  for (const path of TENANT_PAGES) {
    await page.goto(`/t/${tenant.slug}${path}`);
    await expect(page.getByTestId("current-role")).toHaveText("viewer");
    const writes = page.getByRole("button", {
      name: /create|add|save|delete|remove|revoke|rotate|clear|invite|confirm/i,
    });
    await expect(writes, path).toHaveCount(0);
  }
});
