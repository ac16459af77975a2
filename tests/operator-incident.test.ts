import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endIncidentAction, startIncidentAction } from "@/app/operator/incident/actions";
import { PLATFORM_CHAIN } from "@/lib/audit/record-audit";
import { verifyChain } from "@/lib/audit/verify-chain";
import { db } from "@/lib/db";
import { activeIncident } from "@/lib/operator/active-incident";
import type { PolicySnapshot } from "@/lib/policy/policy.types";
import { policyKey } from "@/lib/policy/redis-keys";
import { as, createTenantWithOwner, form } from "./support/factories";
import { chainEvents, createOperator } from "./support/operator";
import { forgetPublished, SHARED_REDIS_URL, testRedis, useRedisUrl } from "./support/shared-redis";

const versions = async () =>
  new Map(
    (await db().tenant.findMany({ select: { id: true, policyVersion: true } })).map((t) => [
      t.id,
      t.policyVersion,
    ]),
  );

describe("incident mode", () => {
  let reader: Redis;
  let restoreRedis: () => Promise<void>;
  let operatorId: string;
  let tenantIds: string[];

  beforeAll(async () => {
    restoreRedis = await useRedisUrl(SHARED_REDIS_URL);
    reader = testRedis();
    operatorId = (await createOperator()).id;
    tenantIds = [
      (await createTenantWithOwner("calm")).tenant.id,
      (await createTenantWithOwner("busy")).tenant.id,
    ];
  });
  afterAll(async () => {
    const left = await activeIncident(); // a failed test must not leave the platform boosted
    if (left) await as(operatorId, () => endIncidentAction(undefined, form({ incidentId: left.id })));
    await forgetPublished(reader);
    reader.disconnect();
    await restoreRedis();
  });

  const incidentAdjustments = async (tenantId: string) => {
    const snapshot = JSON.parse((await reader.get(policyKey(tenantId))) ?? "null") as PolicySnapshot;
    return snapshot.adjustments.filter((a) => a.reason.startsWith("incident mode:"));
  };

  /** Switches, then checks: one platform event, no tenant event, every tenant's version +1. */
  async function switchAndAudit(fields: Record<string, string>, on: boolean) {
    const [platformBefore, tenantEventsBefore, versionsBefore] = await Promise.all([
      chainEvents(PLATFORM_CHAIN),
      db().auditEvent.count({ where: { tenantId: { not: null } } }),
      versions(),
    ]);
    const action = on ? startIncidentAction : endIncidentAction;
    expect(await as(operatorId, () => action(undefined, form(fields)))).toMatchObject({ ok: true });
    const platformAfter = await chainEvents(PLATFORM_CHAIN);
    expect(platformAfter).toHaveLength(platformBefore.length + 1);
    expect(await db().auditEvent.count({ where: { tenantId: { not: null } } })).toBe(tenantEventsBefore);
    const versionsAfter = await versions();
    for (const [id, version] of versionsBefore) expect(versionsAfter.get(id)).toBe(version + 1);
    return platformAfter.at(-1);
  }

  it("switching on: a row, incident.start on the platform chain, every tenant bumped and published", async () => {
    const event = await switchAndAudit({ reason: "Breach response INC-7" }, true);
    const incident = await activeIncident();
    expect(incident).toMatchObject({
      multiplier: 5,
      reason: "Breach response INC-7",
      startedById: operatorId,
    });
    expect(event).toMatchObject({
      action: "incident.start",
      actorId: operatorId,
      tenantId: null,
      targetId: incident?.id,
      before: { active: false },
      after: { active: true, multiplier: 5 },
    });
    for (const id of tenantIds)
      expect(await incidentAdjustments(id)).toEqual([expect.objectContaining({ multiplier: 5 })]);
  });

  it("cannot be switched on twice", async () => {
    const before = await db().auditEvent.count();
    const state = await as(operatorId, () =>
      startIncidentAction(undefined, form({ multiplier: "3", reason: "Again" })),
    );
    expect(state.code).toBe("CONFLICT");
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("switching off names the incident the page showed; a stale one is a CONFLICT", async () => {
    const stale = await as(operatorId, () =>
      endIncidentAction(undefined, form({ incidentId: "an-older-one" })),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(await activeIncident()).not.toBeNull();
  });

  it("switching off: endedAt set, incident.end on the platform chain, every tenant republished", async () => {
    const incident = await activeIncident();
    const event = await switchAndAudit({ incidentId: incident?.id ?? "" }, false);
    const row = await db().incidentMode.findUniqueOrThrow({ where: { id: incident?.id } });
    expect(row.endedAt).not.toBeNull();
    expect(row.endedById).toBe(operatorId);
    expect(event).toMatchObject({
      action: "incident.end",
      before: { active: true },
      after: { active: false, id: incident?.id },
    });
    for (const id of tenantIds) expect(await incidentAdjustments(id)).toEqual([]);
    expect(await verifyChain(PLATFORM_CHAIN)).toMatchObject({ ok: true });
  });

  it("a chosen multiplier from 2 to 5 is kept", async () => {
    await switchAndAudit({ multiplier: "2.5", reason: "Drill" }, true);
    expect((await activeIncident())?.multiplier).toBe(2.5);
    await switchAndAudit({ incidentId: (await activeIncident())?.id ?? "" }, false);
  });
});
