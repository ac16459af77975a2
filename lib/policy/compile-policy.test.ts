import { describe, expect, it } from "vitest";
import type { Adjustment, ApiKey, EndpointRule, Plan, Tenant } from "@/generated/prisma/client";
import { compileKeyRecord, compilePolicy, type PolicyRows } from "./compile-policy";

const NOW = Date.UTC(2026, 2, 15, 12, 0, 0);
const at = (offsetMs: number) => new Date(NOW + offsetMs);
const HOUR = 3_600_000;

const plan: Plan = {
  id: "plan_developer",
  name: "Developer",
  poolPointsPerMinute: 100,
  keyPerMinute: 60,
  keyPerHour: 1000,
  keyBurst: 10,
  createdAt: at(-HOUR),
};

function tenant(overrides: Partial<Tenant> = {}): Tenant {
  return {
    id: "t1",
    slug: "acme",
    name: "Acme",
    status: "ACTIVE",
    createdAt: at(-HOUR),
    planId: plan.id,
    poolPointsPerMinute: null,
    keyPerMinute: null,
    keyPerHour: null,
    keyBurst: null,
    ipPerMinute: null,
    failureMode: "OPEN",
    policyVersion: 7,
    publishedVersion: 6,
    ...overrides,
  };
}

let ruleSeq = 0;
function rule(method: string, pathPattern: string, extra: Partial<EndpointRule> = {}): EndpointRule {
  ruleSeq++;
  return {
    id: `r${ruleSeq}`,
    tenantId: "t1",
    method,
    pathPattern,
    cost: 1,
    perMinute: null,
    exempt: false,
    createdAt: at(0),
    ...extra,
  };
}

function adjustment(multiplier: number, startsAt: number, endsAt: number): Adjustment {
  return {
    id: `a${multiplier}`,
    tenantId: "t1",
    multiplier,
    reason: `x${multiplier}`,
    startsAt: at(startsAt),
    endsAt: at(endsAt),
    createdById: null,
    createdAt: at(0),
  };
}

const rows = (extra: Partial<PolicyRows> = {}): PolicyRows => ({
  tenant: tenant(),
  plan,
  endpointRules: [],
  adjustments: [],
  origins: [],
  incident: null,
  ...extra,
});

describe("compilePolicy", () => {
  it("takes the plan's limits where the tenant has no override", () => {
    const snapshot = compilePolicy(rows({ tenant: tenant({ keyPerHour: 5000, ipPerMinute: 30 }) }), NOW);
    expect(snapshot.limits).toEqual({
      poolPointsPerMinute: 100,
      keyPerMinute: 60,
      keyPerHour: 5000,
      keyBurst: 10,
      ipPerMinute: 30,
    });
  });

  it("carries identity, version, status and failure mode, with the clock as publishedAt", () => {
    const snapshot = compilePolicy(
      rows({ tenant: tenant({ status: "SUSPENDED", failureMode: "CLOSED" }) }),
      NOW,
    );
    expect(snapshot).toMatchObject({
      version: 7,
      tenantId: "t1",
      slug: "acme",
      status: "SUSPENDED",
      failureMode: "CLOSED",
      origins: [],
      publishedAt: NOW,
    });
  });

  it("orders endpoints most specific first", () => {
    const endpointRules = [
      rule("*", "/v1/*"),
      rule("GET", "/v1/items/:id"),
      rule("*", "/v1/items/special"),
      rule("GET", "/v1/reports/*"),
      rule("get", "/v1/items/special"),
      rule("POST", "/v1/items"),
      rule("GET", "/v1/items/:id/history"),
    ];
    const order = compilePolicy(rows({ endpointRules }), NOW).endpoints.map(
      (e) => `${e.method} ${e.pattern}`,
    );
    expect(order).toEqual([
      "GET /v1/items/special",
      "* /v1/items/special",
      "POST /v1/items",
      "GET /v1/items/:id/history",
      "GET /v1/items/:id",
      "GET /v1/reports/*",
      "* /v1/*",
    ]);
  });

  it("copies cost, own limit and exemption of each endpoint", () => {
    const endpointRules = [rule("POST", "/api/v1/reports/generate", { cost: 8, perMinute: 5 })];
    const [endpoint] = compilePolicy(rows({ endpointRules }), NOW).endpoints;
    expect(endpoint).toEqual({
      id: endpointRules[0].id,
      method: "POST",
      pattern: "/api/v1/reports/generate",
      cost: 8,
      perMinute: 5,
      exempt: false,
    });
  });

  it("keeps running and future adjustments as epoch ms and drops ended ones", () => {
    const adjustments = [
      adjustment(5, -2 * HOUR, -1), // ended a millisecond ago
      adjustment(0.5, HOUR, 2 * HOUR), // future penalty
      adjustment(2, -HOUR, 24 * HOUR), // running boost
    ];
    const compiled = compilePolicy(rows({ adjustments }), NOW).adjustments;
    expect(compiled).toEqual([
      { multiplier: 2, startsAt: NOW - HOUR, endsAt: NOW + 24 * HOUR, reason: "x2" },
      { multiplier: 0.5, startsAt: NOW + HOUR, endsAt: NOW + 2 * HOUR, reason: "x0.5" },
    ]);
  });
});

describe("compileKeyRecord", () => {
  it("exposes limits, times and display parts, never the hash", () => {
    const key: ApiKey = {
      id: "k1",
      tenantId: "t1",
      name: "Billing",
      prefix: "sk_live_AbCd",
      hash: "f".repeat(64),
      last4: "WxYz",
      createdById: null,
      createdAt: at(-HOUR),
      lastUsedAt: null,
      expiresAt: at(HOUR),
      revokedAt: null,
      rotatedToId: null,
      perMinute: 30,
      perHour: null,
      burst: 5,
    };
    const record = compileKeyRecord(key);
    expect(record).toEqual({
      keyId: "k1",
      tenantId: "t1",
      name: "Billing",
      prefix: "sk_live_AbCd",
      last4: "WxYz",
      expiresAt: NOW + HOUR,
      revokedAt: null,
      perMinute: 30,
      perHour: null,
      burst: 5,
    });
    expect(JSON.stringify(record)).not.toContain(key.hash);
  });
});

describe("compilePolicy: origins and incident mode", () => {
  it("carries the allowed origins, sorted", () => {
    const origin = (o: string) => ({ id: o, tenantId: "t1", origin: o, createdById: null, createdAt: at(0) });
    const snapshot = compilePolicy(
      rows({ origins: [origin("https://b.example"), origin("https://*.a.example")] }),
      at(0).getTime(),
    );
    expect(snapshot.origins).toEqual(["https://*.a.example", "https://b.example"]);
  });

  it("turns incident mode into a multiplier that lasts until it is switched off", () => {
    const incident = {
      id: "i1",
      multiplier: 5,
      reason: "breach",
      startedAt: at(0),
      startedById: null,
      endedAt: null,
      endedById: null,
    };
    const snapshot = compilePolicy(rows({ incident }), at(10).getTime());
    expect(snapshot.adjustments).toEqual([
      {
        multiplier: 5,
        startsAt: at(0).getTime(),
        endsAt: Date.UTC(9999, 0, 1),
        reason: "incident mode: breach",
      },
    ]);
  });
});
