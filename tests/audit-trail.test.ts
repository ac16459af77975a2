import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changeRoleAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/app/t/[slug]/members/actions";
import { verifyChain } from "@/lib/audit/verify-chain";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { addMember, as, auditCount, createTenantWithOwner, form, meta } from "./support/factories";

const FIELDS = [
  "actorId",
  "actorEmail",
  "action",
  "targetType",
  "targetId",
  "ip",
  "userAgent",
  "requestId",
  "createdAt",
  "hash",
  "prevHash",
] as const;

async function lastEvent(tenantId: string) {
  return db().auditEvent.findFirstOrThrow({ where: { tenantId }, orderBy: { seq: "desc" } });
}

/** Runs a mutation and checks it left exactly one complete audit row with its request id. */
async function expectOneAudit(
  tenantId: string,
  action: string,
  run: (requestId: string) => Promise<unknown>,
) {
  const before = await auditCount(tenantId);
  const requestId = `req-${action}-${Date.now()}`;
  await run(requestId);
  expect(await auditCount(tenantId)).toBe(before + 1);
  const event = await lastEvent(tenantId);
  expect(event.action).toBe(action);
  for (const field of FIELDS) expect(event[field], field).toBeTruthy();
  expect(event.requestId).toBe(requestId);
  expect(event.ip).toBe("203.0.113.7");
  expect(event.before ?? event.after).toBeTruthy();
  return event;
}

describe("audit trail", () => {
  it("sign-up records tenant.create as the chain's first event", async () => {
    const { owner, tenant } = await createTenantWithOwner("audit");
    const [event] = await db().auditEvent.findMany({ where: { tenantId: tenant.id } });
    expect(event).toMatchObject({
      seq: 1,
      action: "tenant.create",
      actorId: owner.id,
      actorEmail: owner.email,
      targetId: tenant.id,
    });
    expect(event.prevHash).toBe("0".repeat(64));
  });

  it("each member mutation leaves exactly one complete audit row", async () => {
    const { owner, tenant } = await createTenantWithOwner("audit");
    const viewer = await addMember(tenant.id, "VIEWER");
    const slug = tenant.slug;
    await expectOneAudit(tenant.id, "member.invite", (rid) =>
      as(
        owner.id,
        () => inviteMemberAction(undefined, form({ tenant: slug, email: "new@audit.test", role: "ADMIN" })),
        rid,
      ),
    );
    const invitation = await db().invitation.findFirstOrThrow({
      where: { tenantId: tenant.id, email: "new@audit.test" },
    });
    await expectOneAudit(tenant.id, "invitation.revoke", (rid) =>
      as(
        owner.id,
        () => revokeInvitationAction(undefined, form({ tenant: slug, invitationId: invitation.id })),
        rid,
      ),
    );
    const change = await expectOneAudit(tenant.id, "member.role_change", (rid) =>
      as(
        owner.id,
        () =>
          changeRoleAction(
            undefined,
            form({ tenant: slug, membershipId: viewer.membership.id, role: "ADMIN" }),
          ),
        rid,
      ),
    );
    expect(change.before).toMatchObject({ role: "VIEWER" });
    expect(change.after).toMatchObject({ role: "ADMIN" });
    await expectOneAudit(tenant.id, "member.remove", (rid) =>
      as(
        owner.id,
        () => removeMemberAction(undefined, form({ tenant: slug, membershipId: viewer.membership.id })),
        rid,
      ),
    );
    expect(await verifyChain(tenant.id)).toMatchObject({ ok: true, checked: 5 });
  });

  it("accepting an invitation records member.join by the new member", async () => {
    const { owner, tenant } = await createTenantWithOwner("audit");
    const { inviteMember } = await import("@/lib/members/invite-member");
    const { resolveTenant } = await import("@/lib/tenancy/resolve-tenant");
    const ctx = await as(owner.id, () => resolveTenant(tenant.slug, ["OWNER"]));
    // The token only exists in the email; capture it from the outbox payload.
    await inviteMember(ctx, { email: "joiner@audit.test", role: "VIEWER" });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: "joiner@audit.test" } });
    const token = String((mail.payload as { acceptUrl: string }).acceptUrl).split("/invite/")[1];
    const event = await expectOneAudit(tenant.id, "member.join", (rid) =>
      acceptInvitation(token, { name: "Joiner", password: "joiner-password-1" }, meta(rid)),
    );
    expect(event.actorEmail).toBe("joiner@audit.test");
  });

  it("a mutation that fails leaves no audit row and no change", async () => {
    const { owner, tenant } = await createTenantWithOwner("audit");
    const ownerMembership = await db().membership.findFirstOrThrow({
      where: { tenantId: tenant.id, userId: owner.id },
    });
    const before = await auditCount(tenant.id);
    const demote = await as(owner.id, () =>
      changeRoleAction(
        undefined,
        form({ tenant: tenant.slug, membershipId: ownerMembership.id, role: "VIEWER" }),
      ),
    );
    const remove = await as(owner.id, () =>
      removeMemberAction(undefined, form({ tenant: tenant.slug, membershipId: ownerMembership.id })),
    );
    const invalid = await as(owner.id, () =>
      inviteMemberAction(undefined, form({ tenant: tenant.slug, email: "bad", role: "ADMIN" })),
    );
    expect(demote).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(remove).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(invalid).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { email: expect.any(String) },
    });
    expect(await auditCount(tenant.id)).toBe(before);
    expect((await db().membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).role).toBe(
      "OWNER",
    );
  });

  it("the database refuses to update or delete audit rows", async () => {
    const { tenant } = await createTenantWithOwner("audit");
    const event = await lastEvent(tenant.id);
    await expect(db().auditEvent.update({ where: { id: event.id }, data: { action: "x" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});

describe("audit chain verifier", () => {
  // Tampering needs to get past the append-only trigger, as an attacker with superuser would.
  let raw: pg.Client;
  beforeAll(async () => {
    raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await raw.connect();
    await raw.query("SET session_replication_role = replica");
  });
  afterAll(() => raw.end());

  async function tenantWithEvents(n: number) {
    const { owner, tenant } = await createTenantWithOwner("chain");
    for (let i = 0; i < n; i++) {
      await as(owner.id, () =>
        inviteMemberAction(
          undefined,
          form({ tenant: tenant.slug, email: `p${i}@chain.test`, role: "VIEWER" }),
        ),
      );
    }
    expect(await verifyChain(tenant.id)).toEqual({ ok: true, checked: n + 1 });
    return tenant;
  }

  it("detects an edited row", async () => {
    const tenant = await tenantWithEvents(3);
    await raw.query(
      `UPDATE "AuditEvent" SET "actorEmail" = 'someone@else.test' WHERE "tenantId" = $1 AND seq = 2`,
      [tenant.id],
    );
    expect(await verifyChain(tenant.id)).toMatchObject({
      ok: false,
      seq: 2,
      reason: expect.stringMatching(/edited/),
    });
  });

  it("detects a deleted row", async () => {
    const tenant = await tenantWithEvents(3);
    await raw.query(`DELETE FROM "AuditEvent" WHERE "tenantId" = $1 AND seq = 2`, [tenant.id]);
    expect(await verifyChain(tenant.id)).toMatchObject({
      ok: false,
      seq: 3,
      reason: expect.stringMatching(/missing/),
    });
  });

  it("detects an inserted row", async () => {
    const tenant = await tenantWithEvents(2);
    // Make room at seq 2 (through negative numbers: the unique index checks each row).
    await raw.query(`UPDATE "AuditEvent" SET seq = -seq WHERE "tenantId" = $1 AND seq >= 2`, [tenant.id]);
    await raw.query(`UPDATE "AuditEvent" SET seq = -seq + 1 WHERE "tenantId" = $1 AND seq < 0`, [tenant.id]);
    const second = await db().auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, seq: 3 } });
    await raw.query(
      `INSERT INTO "AuditEvent" (id, chain, seq, "tenantId", "actorEmail", action, "targetType", "requestId", "createdAt", "prevHash", hash)
       VALUES ('forged', $1, 2, $1, 'ghost@x.test', 'member.remove', 'membership', 'forged', now(), $2, $3)`,
      [tenant.id, second.prevHash, "f".repeat(64)],
    );
    expect(await verifyChain(tenant.id)).toMatchObject({ ok: false, seq: 2, id: "forged" });
  });
});
