import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endIncidentAction, startIncidentAction } from "@/app/operator/incident/actions";
import {
  addAdjustmentAction,
  reactivateTenantAction,
  suspendTenantAction,
} from "@/app/operator/tenants/[id]/actions";
import { db } from "@/lib/db";
import { activeIncident } from "@/lib/operator/active-incident";
import { as, form } from "./support/factories";
import { createOperator } from "./support/operator";
import { LOCAL_REDIS_URL, type SeededEnforcement, seedEnforcement } from "./support/seed-enforcement";
import { forgetPublished, testRedis } from "./support/shared-redis";
import { startValidationApi, type ValidationApi } from "./support/validation-api-process";

// Only the key's minute limit can bind: every other limit is far away.
const LIMITS = { keyPerMinute: 4, poolPointsPerMinute: 100_000, keyPerHour: 100_000, keyBurst: 100_000 };
type Check = {
  status: number;
  code: string | null;
  allowed: boolean;
  limit: { name: string; limit: number } | null;
};

describe("operator changes as a running validation API enforces them", () => {
  const agent = new Agent({ connections: 8 });
  let api: ValidationApi;
  let operatorId: string;
  const seeded: SeededEnforcement[] = [];

  beforeAll(async () => {
    process.env.REDIS_URL ??= LOCAL_REDIS_URL;
    [api, operatorId] = await Promise.all([startValidationApi(), createOperator().then((u) => u.id)]);
  }, 60_000);
  afterAll(async () => {
    const left = await activeIncident(); // a failed test must not leave the platform boosted
    if (left) await as(operatorId, () => endIncidentAction(undefined, form({ incidentId: left.id })));
    for (const s of seeded) await s.cleanup();
    const reader = testRedis();
    await forgetPublished(reader); // incident mode published every tenant of this database
    reader.disconnect();
    await api?.stop();
    await agent.close();
  });

  const seed = async (label: string) => {
    const s = await seedEnforcement({ label, limits: LIMITS });
    seeded.push(s);
    return s;
  };
  const check = async (s: SeededEnforcement): Promise<Check> => {
    const response = await undiciFetch(`${api.url}/v1/check`, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/json", authorization: `Bearer ${s.serviceToken}` },
      body: JSON.stringify({ key: s.key, ip: "198.51.100.30", method: "GET", path: "/api/items" }),
    });
    return (await response.json()) as Check;
  };
  const limitOf = async (s: SeededEnforcement) => (await check(s)).limit?.limit;
  /** Polls until `probe` holds; returns how long it took. */
  const until = async (probe: () => Promise<boolean>, timeoutMs = 3_000) => {
    const started = Date.now();
    while (!(await probe())) {
      if (Date.now() - started > timeoutMs) throw new Error(`not seen within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - started;
  };

  it("a 2x boost doubles the enforced limits within 2 s, and they return by themselves at its end", async () => {
    const s = await seed("boost");
    let admitted = 0;
    const counted = async () => {
      const result = await check(s);
      if (result.allowed) admitted++;
      return result;
    };
    expect(await counted()).toMatchObject({ status: 200, limit: { name: "key_minute", limit: 4 } });
    const endsAt = Date.now() + 2_500;
    const added = await as(operatorId, () =>
      addAdjustmentAction(
        undefined,
        form({
          tenantId: s.tenant.id,
          multiplier: "2",
          reason: "Migration",
          endsAt: new Date(endsAt).toISOString(),
        }),
      ),
    );
    expect(added).toMatchObject({ ok: true });
    expect(await until(async () => (await counted()).limit?.limit === 8)).toBeLessThan(2_000);
    // Enforced, not just reported: the minute admits 8 requests in all, then refuses.
    let refusal: Check | undefined;
    for (let i = 0; i < 12 && !refusal; i++) {
      const result = await counted();
      if (!result.allowed) refusal = result;
    }
    expect(Date.now()).toBeLessThan(endsAt); // still inside the boost
    expect(admitted).toBe(8);
    expect(refusal).toMatchObject({ status: 429, limit: { name: "key_minute", limit: 8 } });

    const { policyVersion } = await db().tenant.findUniqueOrThrow({ where: { id: s.tenant.id } });
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now())));
    expect(await until(async () => (await limitOf(s)) === 4)).toBeLessThan(2_000);
    // Nothing was republished: the end time in the snapshot did it.
    expect((await db().tenant.findUniqueOrThrow({ where: { id: s.tenant.id } })).policyVersion).toBe(
      policyVersion,
    );
  });

  it("incident mode multiplies every tenant's limits by 5, and switching it off restores them", async () => {
    const tenants = [await seed("incident-a"), await seed("incident-b")];
    for (const s of tenants) expect(await limitOf(s)).toBe(4);
    const on = await as(operatorId, () =>
      startIncidentAction(undefined, form({ reason: "Breach response" })),
    );
    expect(on).toMatchObject({ ok: true });
    for (const s of tenants) expect(await until(async () => (await limitOf(s)) === 20)).toBeLessThan(2_000);

    const incident = await activeIncident();
    const off = await as(operatorId, () =>
      endIncidentAction(undefined, form({ incidentId: incident?.id ?? "" })),
    );
    expect(off).toMatchObject({ ok: true });
    for (const s of tenants) expect(await until(async () => (await limitOf(s)) === 4)).toBeLessThan(2_000);
  });

  it("a suspended tenant's key gets 403 TENANT_SUSPENDED, and reactivation restores 200", async () => {
    const s = await seed("suspended");
    expect((await check(s)).status).toBe(200);
    const fields = form({ tenantId: s.tenant.id });
    expect(await as(operatorId, () => suspendTenantAction(undefined, fields))).toMatchObject({ ok: true });
    expect(await until(async () => (await check(s)).code === "TENANT_SUSPENDED")).toBeLessThan(2_000);
    expect(await check(s)).toMatchObject({ status: 403, allowed: false, code: "TENANT_SUSPENDED" });

    expect(await as(operatorId, () => reactivateTenantAction(undefined, fields))).toMatchObject({ ok: true });
    expect(await until(async () => (await check(s)).status === 200)).toBeLessThan(2_000);
  });
});
