import { describe, expect, it } from "vitest";
import { changeRoleAction, inviteMemberAction, removeMemberAction } from "@/app/t/[slug]/members/actions";
import { db } from "@/lib/db";
import { addMember, as, createTenantWithOwner, form } from "./support/factories";

describe("member rules", () => {
  it("a viewer's writes are refused by the server", async () => {
    const { tenant } = await createTenantWithOwner("rules");
    const viewer = await addMember(tenant.id, "VIEWER");
    const state = await as(viewer.user.id, () =>
      inviteMemberAction(undefined, form({ tenant: tenant.slug, email: "x@rules.test", role: "VIEWER" })),
    );
    expect(state).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db().invitation.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("an admin can neither grant the owner role nor remove an owner", async () => {
    const { owner, tenant } = await createTenantWithOwner("rules");
    const admin = await addMember(tenant.id, "ADMIN");
    const viewer = await addMember(tenant.id, "VIEWER");
    const ownerMembership = await db().membership.findFirstOrThrow({
      where: { tenantId: tenant.id, userId: owner.id },
    });
    const grant = await as(admin.user.id, () =>
      changeRoleAction(
        undefined,
        form({ tenant: tenant.slug, membershipId: viewer.membership.id, role: "OWNER" }),
      ),
    );
    const remove = await as(admin.user.id, () =>
      removeMemberAction(undefined, form({ tenant: tenant.slug, membershipId: ownerMembership.id })),
    );
    expect(grant.code).toBe("FORBIDDEN");
    expect(remove.code).toBe("FORBIDDEN");
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const { owner, tenant } = await createTenantWithOwner("rules");
    const second = await addMember(tenant.id, "OWNER");
    const first = await db().membership.findFirstOrThrow({
      where: { tenantId: tenant.id, userId: owner.id },
    });
    const results = await Promise.all([
      as(owner.id, () =>
        changeRoleAction(
          undefined,
          form({ tenant: tenant.slug, membershipId: second.membership.id, role: "ADMIN" }),
        ),
      ),
      as(second.user.id, () =>
        changeRoleAction(undefined, form({ tenant: tenant.slug, membershipId: first.id, role: "ADMIN" })),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().membership.count({ where: { tenantId: tenant.id, role: "OWNER" } })).toBe(1);
  });
});
