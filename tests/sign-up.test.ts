import { describe, expect, it } from "vitest";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { db } from "@/lib/db";
import { as, createTenantWithOwner, form, unique } from "./support/factories";

function valid(overrides: Record<string, string> = {}) {
  const slug = unique("signup");
  return {
    name: "Ada",
    email: `${slug}@example.test`,
    password: "long-enough-password",
    tenantName: "Ada Co",
    tenantSlug: slug,
    ...overrides,
  };
}

async function counts() {
  const [users, tenants, memberships, audit] = await Promise.all([
    db().user.count(),
    db().tenant.count(),
    db().membership.count(),
    db().auditEvent.count(),
  ]);
  return { users, tenants, memberships, audit };
}

describe("sign-up refuses bad input with a message beside the field and writes nothing", () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ["an invalid email", { email: "not-an-email" }, "email", /valid email/],
    ["a too-short password", { password: "short" }, "password", /at least 12/],
    ["a tenant slug with bad characters", { tenantSlug: "Bad Slug!" }, "tenantSlug", /lowercase letters/],
    ["an empty name", { name: "  " }, "name", /Enter a name/],
  ];
  for (const [label, overrides, field, message] of cases) {
    it(label, async () => {
      const before = await counts();
      const state = await as(null, () => signUpAction(undefined, form(valid(overrides))));
      expect(state.ok).toBe(false);
      expect(state.code).toBe("BAD_REQUEST");
      expect(state.fieldErrors?.[field]).toMatch(message);
      expect(state.values?.password).toBeUndefined();
      expect(await counts()).toEqual(before);
    });
  }

  it("an email already taken", async () => {
    const { owner } = await createTenantWithOwner("taken");
    const before = await counts();
    const state = await as(null, () =>
      signUpAction(undefined, form(valid({ email: owner.email.toUpperCase() }))),
    );
    expect(state).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { email: expect.stringMatching(/already exists/) },
    });
    expect(state.values?.tenantName).toBe("Ada Co");
    expect(await counts()).toEqual(before);
  });

  it("a tenant slug already taken", async () => {
    const { tenant } = await createTenantWithOwner("taken");
    const before = await counts();
    const state = await as(null, () => signUpAction(undefined, form(valid({ tenantSlug: tenant.slug }))));
    expect(state).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { tenantSlug: expect.stringMatching(/taken/) },
    });
    expect(await counts()).toEqual(before);
  });
});
