import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/client";
import { signUp } from "@/lib/accounts/sign-up";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { type RequestIdentity, runAsRequest } from "@/lib/request-context";
import { MANAGERS, resolveTenant, type TenantContext } from "@/lib/tenancy/resolve-tenant";

export const TEST_PASSWORD = "correct-horse-battery";
let cachedHash: Promise<string> | undefined;

export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function meta(requestId: string = randomUUID()) {
  return { ip: "203.0.113.7", userAgent: "vitest", requestId };
}

/** A fresh tenant whose owner signed up through the real sign-up service. */
export async function createTenantWithOwner(label = "t") {
  const slug = unique(label).toLowerCase();
  const { user, tenant } = await signUp(
    {
      name: `Owner ${slug}`,
      email: `owner@${slug}.test`,
      password: TEST_PASSWORD,
      tenantName: `Tenant ${slug}`,
      tenantSlug: slug,
    },
    meta(),
  );
  return { owner: user, tenant };
}

/** Adds a user with `role` straight to a tenant (setup only: no audit event). */
export async function addMember(tenantId: string, role: Role, label = role.toLowerCase()) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = `${unique(label)}@members.test`;
  const user = await db().user.create({ data: { email, name: label, passwordHash: await cachedHash } });
  const membership = await db().membership.create({ data: { tenantId, userId: user.id, role } });
  return { user, membership };
}

/** Runs `fn` as a request of `userId`, the way a signed-in browser would reach an action. */
export function as<T>(
  userId: string | null,
  fn: () => Promise<T>,
  requestId: string = randomUUID(),
): Promise<T> {
  const identity: RequestIdentity = { userId, meta: meta(requestId) };
  return runAsRequest(identity, fn);
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

export function auditCount(tenantId: string) {
  return db().auditEvent.count({ where: { tenantId } });
}

/** A fresh tenant and its owner's context, as the services receive it. */
export async function ownerContext(label: string): Promise<TenantContext> {
  const { owner, tenant } = await createTenantWithOwner(label);
  return as(owner.id, () => resolveTenant(tenant.slug, MANAGERS));
}

/** The AppError a service call was refused with; fails the test when it was not refused. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error("expected a refusal");
  return error as AppError;
}
