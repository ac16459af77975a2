import { describe, expect, it } from "vitest";
import type { EndpointPolicy } from "@/lib/policy/policy.types";
import { compilePattern, createRouteMatcher, normalizePath } from "./route-matcher";

const rule = (id: string, method: string, pattern: string): EndpointPolicy => ({
  id,
  method,
  pattern,
  cost: 1,
  perMinute: null,
  exempt: false,
});

describe("route matching", () => {
  it("matches exact paths, :params as one segment and * as any rest", () => {
    expect(compilePattern("/v1/items")("/v1/items")).toBe(true);
    expect(compilePattern("/v1/items")("/v1/items/1")).toBe(false);
    expect(compilePattern("/v1/items/:id")("/v1/items/42")).toBe(true);
    expect(compilePattern("/v1/items/:id")("/v1/items/42/parts")).toBe(false);
    expect(compilePattern("/v1/reports/*")("/v1/reports/2026/11")).toBe(true);
    expect(compilePattern("/v1/a.b")("/v1/aXb")).toBe(false);
  });

  it("takes the first matching rule, honouring the method", () => {
    const match = createRouteMatcher([
      rule("scan", "POST", "/v1/threats/scan"),
      rule("item", "GET", "/v1/items/:id"),
      rule("any", "*", "/v1/*"),
    ]);
    expect(match("POST", "/v1/threats/scan")?.id).toBe("scan");
    expect(match("GET", "/v1/threats/scan")?.id).toBe("any");
    expect(match("GET", "/v1/items/7")?.id).toBe("item");
    expect(match("GET", "/health")).toBeNull();
  });

  it("ignores the query string", () => {
    expect(normalizePath("/v1/items?page=2#x")).toBe("/v1/items");
    expect(normalizePath("v1")).toBe("/v1");
  });
});
