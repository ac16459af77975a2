import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setFailureModeAction } from "@/app/t/[slug]/limits/actions";
import { db } from "@/lib/db";
import type { PolicySnapshot } from "@/lib/policy/policy.types";
import { policyKey } from "@/lib/policy/redis-keys";
import { addMember, as, auditCount, createTenantWithOwner, form } from "./support/factories";
import { forgetPublished, SHARED_REDIS_URL, testRedis, useRedisUrl } from "./support/shared-redis";

describe("a tenant's failure mode", () => {
  let reader: Redis;
  let restoreRedis: () => Promise<void>;
  beforeAll(async () => {
    restoreRedis = await useRedisUrl(SHARED_REDIS_URL);
    reader = testRedis();
  });
  afterAll(async () => {
    await forgetPublished(reader);
    reader.disconnect();
    await restoreRedis();
  });

  const published = async (tenantId: string) =>
    JSON.parse((await reader.get(policyKey(tenantId))) ?? "null") as PolicySnapshot | null;

  it("is open by default; an owner sets it closed, audited, and the published policy says so", async () => {
    const { owner, tenant } = await createTenantWithOwner("failmode");
    expect(tenant.failureMode).toBe("OPEN");
    const state = await as(owner.id, () =>
      setFailureModeAction(undefined, form({ tenant: tenant.slug, failureMode: "CLOSED" })),
    );
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining("503") });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).failureMode).toBe("CLOSED");
    const event = await db().auditEvent.findFirstOrThrow({
      where: { tenantId: tenant.id, action: "limits.failure_mode_change" },
    });
    expect(event).toMatchObject({ before: { failureMode: "OPEN" }, after: { failureMode: "CLOSED" } });
    expect((await published(tenant.id))?.failureMode).toBe("CLOSED");
  });

  it("refuses a viewer and a value that is not a mode, writing nothing", async () => {
    const { tenant } = await createTenantWithOwner("failmode");
    const viewer = await addMember(tenant.id, "VIEWER");
    const admin = await addMember(tenant.id, "ADMIN");
    const events = await auditCount(tenant.id);
    const refused = await as(viewer.user.id, () =>
      setFailureModeAction(undefined, form({ tenant: tenant.slug, failureMode: "CLOSED" })),
    );
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const invalid = await as(admin.user.id, () =>
      setFailureModeAction(undefined, form({ tenant: tenant.slug, failureMode: "SOMETIMES" })),
    );
    expect(invalid).toMatchObject({
      ok: false,
      fieldErrors: { failureMode: "Choose fail open or fail closed" },
    });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).failureMode).toBe("OPEN");
    expect(await auditCount(tenant.id)).toBe(events);
  });
});
