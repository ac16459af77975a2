// Proves the harness itself: tests talk to the throwaway, migrated database and nothing else.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";

afterAll(() => disconnectDb());

describe("test harness", () => {
  it("is connected to a sluice_test_* database", async () => {
    const [row] = await db().$queryRaw<{ name: string }[]>`select current_database() as name`;
    expect(row?.name).toMatch(/^sluice_test_[0-9a-f]+$/);
  });

  it("has the migrated AuditEvent table", async () => {
    const rows = await db().$queryRaw<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_name = 'AuditEvent'`;
    expect(rows).toHaveLength(1);
  });
});
