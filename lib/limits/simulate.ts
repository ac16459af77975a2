import { notFound } from "@/lib/errors";
import { compileKeyRecord } from "@/lib/policy/compile-policy";
import type { TenantContext } from "@/lib/tenancy/resolve-tenant";
import { buildSpecs } from "@/lib/validation-api/build-specs";
import { createRouteMatcher, normalizePath } from "@/lib/validation-api/route-matcher";
import { currentPolicy } from "./current-policy";
import { limiterStore } from "./limiter-store";

export type SimulatedLimit = {
  name: string;
  limit: number;
  windowSeconds: number;
  used: number | null;
  remaining: number | null;
  wouldRefuse: boolean;
};

/**
 * What the validation API would do with a request of this key to this method and path right
 * now: the rule that matches, its cost, every limit that applies and what remains of each
 * (read live from Redis, nothing consumed).
 */
export async function simulateRequest(
  ctx: TenantContext,
  input: { keyId: string; method: string; path: string },
) {
  const key = await ctx.db.apiKey.findUnique({ where: { id: input.keyId } });
  if (!key) throw notFound("API key not found");
  const { policy, multiplier } = await currentPolicy(ctx);
  const endpoint = createRouteMatcher(policy.endpoints)(input.method, normalizePath(input.path));
  const { specs, cost } = buildSpecs(policy, compileKeyRecord(key), endpoint, null, multiplier);
  const store = await limiterStore();
  const usage = store && specs.length ? await store.peek(specs).catch(() => null) : null;
  const limits: SimulatedLimit[] = specs.map((spec, i) => {
    const used = usage ? usage.states[i].used : null;
    return {
      name: spec.name,
      limit: spec.max,
      windowSeconds: spec.windowMs / 1000,
      used,
      remaining: used === null ? null : Math.max(0, spec.max - used),
      wouldRefuse: used !== null && used + spec.cost > spec.max,
    };
  });
  return {
    rule: endpoint ? `${endpoint.method} ${endpoint.pattern}` : "no rule: default cost 1",
    exempt: endpoint?.exempt ?? false,
    cost,
    multiplier,
    live: usage !== null,
    limits,
  };
}
