import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { flushKeyUsage } from "@/lib/worker/flush-key-usage";
import { startInProcessApi } from "./support/in-process-api";
import { type SeededEnforcement, seedEnforcement } from "./support/seed-enforcement";

describe("key last-used reporting", () => {
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  let seeded: SeededEnforcement;
  beforeAll(async () => {
    seeded = await seedEnforcement({ label: "usage" });
    api = await startInProcessApi(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  });
  afterAll(async () => {
    await api.stop();
    await seeded.cleanup();
  });

  it("an admitted check shows up as the key's lastUsedAt after the worker drains the reports", async () => {
    const before = Date.now();
    const response = await fetch(`${api.url}/v1/forward-auth`, {
      headers: { authorization: `Bearer ${seeded.key}` },
    });
    expect(response.status).toBe(200);
    await api.stop(); // stopping flushes the pending reports
    const client = redis();
    if (!client) throw new Error("no redis");
    expect(await flushKeyUsage(client)).toBeGreaterThanOrEqual(1);
    const key = await db().apiKey.findFirstOrThrow({ where: { tenantId: seeded.tenant.id } });
    expect(key.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 5);
    api = await startInProcessApi(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  });
});
