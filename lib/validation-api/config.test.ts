import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readConfig, VALIDATION_API_NODE_FLAGS } from "./config";

describe("validation API configuration", () => {
  it("`npm run api` starts it with the same Node flags as `npm start`", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    for (const flag of VALIDATION_API_NODE_FLAGS) expect(pkg.scripts.api).toContain(flag);
    expect(pkg.scripts.api).toContain("scripts/validation-api.ts");
  });

  it("refuses a malformed number instead of guessing", () => {
    expect(() => readConfig({ NODE_ENV: "test", VALIDATION_API_PORT: "80a" })).toThrow("VALIDATION_API_PORT");
    expect(readConfig({ NODE_ENV: "test" }).redisTimeoutMs).toBe(150);
  });
});
