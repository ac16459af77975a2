import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("migrations", () => {
  it("the migration files produce exactly the schema in prisma/schema.prisma", async () => {
    // The test database was built by `prisma migrate deploy` from prisma/migrations.
    const { stdout } = await run(
      "npm",
      [
        "run",
        "-s",
        "prisma",
        "--",
        "migrate",
        "diff",
        "--from-config-datasource",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { env: process.env },
    );
    expect(stdout).toContain("No difference detected");
  }, 60_000);
});
