import { PASSWORD, seedTenant, signInByApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("invite a member: the email arrives, the link is accepted, the member is listed", async ({
  page,
  mail,
}) => {
  const { owner, tenant } = await seedTenant("invite");
  await signInByApi(page.request, owner.email);
  await page.goto(`/t/${tenant.slug}/members`);

  const invitee = `newbie-${Date.now()}@invitee.test`;
  const inviteForm = page.getByRole("form", { name: "Invite a member" });
  await inviteForm.getByLabel("Email").fill(invitee);
  await inviteForm.getByLabel("Role").selectOption("ADMIN");
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(inviteForm.getByRole("status")).toContainText(`Invitation sent to ${invitee}`);
  await expect(page.getByTestId("invitation-row")).toContainText(invitee);

  const message = await mail.waitForMail((m) => m.to.includes(invitee));
  expect(message.subject).toContain(tenant.name);
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  expect(link).toBeTruthy();

  // The invitee opens the link in a fresh browser.
  const invitedContext = await page.context().browser()?.newContext();
  if (!invitedContext) throw new Error("no browser");
  const invited = await invitedContext.newPage();
  await invited.goto(link as string);
  await expect(invited.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
  await invited.getByLabel("Your name").fill("New Bie");
  await invited.getByLabel("Choose a password").fill(PASSWORD);
  await invited.getByRole("button", { name: "Create account and join" }).click();
  await expect(invited).toHaveURL(new RegExp(`/t/${tenant.slug}$`));
  await expect(invited.getByTestId("current-role")).toHaveText("admin");
  await invitedContext.close();

  await page.reload();
  await expect(page.locator(`[data-testid="member-row"][data-email="${invitee}"]`)).toBeVisible();
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);

  // The link works once.
  await page.goto(link as string);
  await expect(page.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
});

test("the owner changes a role and removes a member after confirming", async ({ page }) => {
  const { owner, tenant } = await seedTenant("roles");
  const { seedMember } = await import("./support/accounts");
  const member = await seedMember(tenant.id, "VIEWER", "carol");
  await signInByApi(page.request, owner.email);
  await page.goto(`/t/${tenant.slug}/members`);

  const row = page.locator(`[data-testid="member-row"][data-email="${member.email}"]`);
  await row.getByLabel(`Role of ${member.email}`).selectOption("ADMIN");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByRole("status")).toHaveText("Role updated");

  await row.getByRole("button", { name: "Remove" }).click();
  await expect(row).toContainText(`Remove ${member.email} from ${tenant.name}?`);
  await row.getByRole("button", { name: "Confirm" }).click();
  await expect(row).toHaveCount(0);

  await page.goto(`/t/${tenant.slug}/audit`);
  await expect(page.locator('[data-testid="audit-row"][data-action="member.remove"]')).toContainText(
    member.email,
  );
  await expect(page.locator('[data-testid="audit-row"][data-action="member.role_change"]')).toContainText(
    "role:VIEWER → changed to ADMIN",
  );
});
