import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { createTenantWithOwner, TEST_PASSWORD } from "./support/factories";

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const { owner } = await createTenantWithOwner("auth");
    const user = await authenticate(owner.email.toUpperCase(), TEST_PASSWORD);
    expect(user).toEqual({ id: owner.id, email: owner.email, name: owner.name });
  });

  it("answers a wrong password and an unknown account the same way", async () => {
    const { owner } = await createTenantWithOwner("auth");
    expect(await authenticate(owner.email, "wrong-password-123")).toBeNull();
    expect(await authenticate("nobody@nowhere.test", TEST_PASSWORD)).toBeNull();
    expect(await authenticate("not-an-email", "x")).toBeNull();
  });

  it("stores passwords as argon2id hashes, never in clear", async () => {
    const { owner } = await createTenantWithOwner("auth");
    const row = await db().user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
  });
});
