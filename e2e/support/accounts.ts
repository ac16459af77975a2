import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { signUp } from "@/lib/accounts/sign-up";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

export const PASSWORD = "e2e-password-long-enough";

export function uniqueSlug(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** A tenant of its own for one test, its owner created through the real sign-up service. */
export async function seedTenant(label: string) {
  const slug = uniqueSlug(label);
  const { user, tenant } = await signUp(
    {
      name: `Owner ${label}`,
      email: `owner@${slug}.test`,
      password: PASSWORD,
      tenantName: `${label} Inc`,
      tenantSlug: slug,
    },
    { ip: null, userAgent: "e2e-seed", requestId: randomUUID() },
  );
  return { owner: user, tenant };
}

export async function seedMember(tenantId: string, role: "ADMIN" | "VIEWER", label: string) {
  const email = `${uniqueSlug(label)}@members.test`;
  const user = await db().user.create({
    data: { email, name: label, passwordHash: await hashPassword(PASSWORD) },
  });
  await db().membership.create({ data: { tenantId, userId: user.id, role } });
  return user;
}

/** Signs in through next-auth's credentials callback (with its CSRF token) instead of the form. */
export async function signInByApi(
  request: APIRequestContext,
  email: string,
  password = PASSWORD,
): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  if (response.status() !== 302) throw new Error(`sign-in failed with ${response.status()}`);
}

export async function signInWithForm(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
