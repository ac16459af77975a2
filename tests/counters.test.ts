import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearCounter } from "@/lib/counters/clear-counter";
import { listCounters } from "@/lib/counters/list-counters";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/create-api-key";
import { resolveTenant } from "@/lib/tenancy/resolve-tenant";
import { as } from "./support/factories";
import { startInProcessApi } from "./support/in-process-api";
import { type SeededEnforcement, seedEnforcement } from "./support/seed-enforcement";

describe("counters: live usage and clearing", () => {
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  let seeded: SeededEnforcement;
  let other: SeededEnforcement;
  let ctx: Awaited<ReturnType<typeof resolveTenant>>;

  const forward = (key: string) =>
    fetch(`${api.url}/v1/forward-auth`, {
      headers: { authorization: `Bearer ${key}`, "x-forwarded-uri": "/api/items" },
    }).then((r) => r.status);

  beforeAll(async () => {
    seeded = await seedEnforcement({ label: "counters", limits: { keyPerMinute: 3, keyBurst: 100 } });
    other = await seedEnforcement({ label: "bystander", limits: { keyPerMinute: 3, keyBurst: 100 } });
    api = await startInProcessApi(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    const owner = await db().membership.findFirstOrThrow({
      where: { tenantId: seeded.tenant.id, role: "OWNER" },
    });
    ctx = await as(owner.userId, () => resolveTenant(seeded.tenant.slug, ["OWNER"]));
  });
  afterAll(async () => {
    await api.stop();
    await seeded.cleanup();
    await other.cleanup();
  });

  it("shows usage, clears a key's counter with an audit event holding the value before, and admits the next check", async () => {
    expect([
      await forward(seeded.key),
      await forward(seeded.key),
      await forward(seeded.key),
      await forward(seeded.key),
    ]).toEqual([200, 200, 200, 429]);
    expect([
      await forward(other.key),
      await forward(other.key),
      await forward(other.key),
      await forward(other.key),
    ]).toEqual([200, 200, 200, 429]);

    await createApiKey(ctx, { name: "Second integration" }); // the pool is listed once, however many keys
    const { groups, live } = await listCounters(ctx);
    expect(live).toBe(true);
    const key0 = await db().apiKey.findFirstOrThrow({
      where: { tenantId: seeded.tenant.id },
      orderBy: { createdAt: "asc" },
    });
    const keyGroup = groups.find((g) => g.keyId === key0.id);
    const minute = keyGroup?.rows.find((r) => r.window === "per minute");
    expect(minute).toMatchObject({ used: 3, limit: 3 });
    expect(groups[0].rows).toEqual([expect.objectContaining({ label: "Pool points", used: 3 })]);

    const result = await clearCounter(ctx, { kind: "key", keyId: key0.id });
    expect(result.units).toBe(3);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { tenantId: seeded.tenant.id },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({
      action: "counter.clear",
      actorEmail: ctx.user.email,
      before: { units: 3 },
      after: { units: 0 },
    });

    await new Promise((r) => setTimeout(r, 50)); // the announcement reaches the API
    expect(await forward(seeded.key)).toBe(200);
    expect(await forward(other.key)).toBe(429); // another tenant's counters are untouched
  });

  it("refuses another tenant's key id and writes nothing", async () => {
    const before = await db().auditEvent.count({ where: { tenantId: seeded.tenant.id } });
    const foreign = await db().apiKey.findFirstOrThrow({ where: { tenantId: other.tenant.id } });
    await expect(clearCounter(ctx, { kind: "key-all", keyId: foreign.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().auditEvent.count({ where: { tenantId: seeded.tenant.id } })).toBe(before);
    expect(await forward(other.key)).toBe(429);
  });
});
