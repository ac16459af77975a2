import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addAdjustmentAction,
  changePlanAction,
  endAdjustmentAction,
  reactivateTenantAction,
  suspendTenantAction,
} from "@/app/operator/tenants/[id]/actions";
import type { FormState } from "@/lib/actions/form-state";
import { PLATFORM_CHAIN } from "@/lib/audit/record-audit";
import { verifyChain } from "@/lib/audit/verify-chain";
import { db } from "@/lib/db";
import type { PolicySnapshot } from "@/lib/policy/policy.types";
import { policyKey } from "@/lib/policy/redis-keys";
import { as, createTenantWithOwner, form } from "./support/factories";
import { chainEvents, createOperator, isoFromNow } from "./support/operator";
import { forgetPublished, SHARED_REDIS_URL, testRedis, useRedisUrl } from "./support/shared-redis";

describe("operator changes to a tenant", () => {
  let reader: Redis;
  let restoreRedis: () => Promise<void>;
  let operatorId: string;
  let tenantId: string;

  beforeAll(async () => {
    restoreRedis = await useRedisUrl(SHARED_REDIS_URL);
    reader = testRedis();
    operatorId = (await createOperator()).id;
    tenantId = (await createTenantWithOwner("changed")).tenant.id;
  });
  afterAll(async () => {
    await forgetPublished(reader);
    reader.disconnect();
    await restoreRedis();
  });

  const published = async () =>
    JSON.parse((await reader.get(policyKey(tenantId))) ?? "null") as PolicySnapshot | null;
  const versionOf = async () =>
    (await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).policyVersion;

  /**
   * Runs an action as the operator and returns the one audit event it left on the tenant's
   * chain; the platform chain must not move, the policy version moves by one.
   */
  async function runAndAudit(run: () => Promise<FormState>) {
    const [tenantBefore, platformBefore, versionBefore] = await Promise.all([
      chainEvents(tenantId),
      chainEvents(PLATFORM_CHAIN),
      versionOf(),
    ]);
    const state = await as(operatorId, run);
    expect(state).toMatchObject({ ok: true });
    const tenantAfter = await chainEvents(tenantId);
    expect(tenantAfter).toHaveLength(tenantBefore.length + 1);
    expect(await chainEvents(PLATFORM_CHAIN)).toHaveLength(platformBefore.length);
    expect(await versionOf()).toBe(versionBefore + 1);
    const event = tenantAfter.at(-1);
    expect(event).toMatchObject({ tenantId, actorId: operatorId });
    expect(event?.before).not.toBeNull();
    expect(event?.after).not.toBeNull();
    return event;
  }

  it("changes the plan: tenant.plan_change, published at once", async () => {
    const event = await runAndAudit(() =>
      changePlanAction(undefined, form({ tenantId, planId: "plan_professional" })),
    );
    expect(event).toMatchObject({
      action: "tenant.plan_change",
      before: { planId: "plan_developer", plan: "Developer" },
      after: { planId: "plan_professional", plan: "Professional" },
    });
    expect((await published())?.limits.keyPerMinute).toBe(300);
  });

  it("adds a boost, then ends it now: adjustment.create and adjustment.end", async () => {
    const created = await runAndAudit(() =>
      addAdjustmentAction(
        undefined,
        form({ tenantId, multiplier: "2", reason: "Migration window", endsAt: isoFromNow(3_600_000) }),
      ),
    );
    expect(created).toMatchObject({
      action: "adjustment.create",
      before: { multiplier: 1 },
      after: { multiplier: 2, adjustment: { kind: "boost", multiplier: 2, reason: "Migration window" } },
    });
    const adjustmentId = created?.targetId as string;
    expect((await published())?.adjustments).toEqual([expect.objectContaining({ multiplier: 2 })]);

    const ended = await runAndAudit(() => endAdjustmentAction(undefined, form({ tenantId, adjustmentId })));
    expect(ended).toMatchObject({ action: "adjustment.end", targetId: adjustmentId });
    const row = await db().adjustment.findUniqueOrThrow({ where: { id: adjustmentId } });
    expect(row.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    const before = ended?.before as { endsAt: string };
    const after = ended?.after as { endsAt: string };
    expect(new Date(after.endsAt).getTime()).toBeLessThan(new Date(before.endsAt).getTime());
    expect((await published())?.adjustments).toEqual([]);
  });

  it("adds a penalty below 1", async () => {
    const event = await runAndAudit(() =>
      addAdjustmentAction(
        undefined,
        form({ tenantId, multiplier: "0.5", reason: "Abusive scraping", endsAt: isoFromNow(60_000) }),
      ),
    );
    expect(event).toMatchObject({ after: { multiplier: 0.5, adjustment: { kind: "penalty" } } });
  });

  it("suspends and reactivates: tenant.suspend and tenant.reactivate", async () => {
    const suspended = await runAndAudit(() => suspendTenantAction(undefined, form({ tenantId })));
    expect(suspended).toMatchObject({
      action: "tenant.suspend",
      before: { status: "ACTIVE" },
      after: { status: "SUSPENDED" },
    });
    expect((await published())?.status).toBe("SUSPENDED");
    const reactivated = await runAndAudit(() => reactivateTenantAction(undefined, form({ tenantId })));
    expect(reactivated).toMatchObject({
      action: "tenant.reactivate",
      before: { status: "SUSPENDED" },
      after: { status: "ACTIVE" },
    });
    expect((await published())?.status).toBe("ACTIVE");
  });

  it("keeps the tenant's audit chain intact", async () => {
    expect(await verifyChain(tenantId)).toMatchObject({ ok: true });
  });
});
