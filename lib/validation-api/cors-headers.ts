import { createOriginMatcher } from "@/lib/cors/origin-matcher";
import type { PolicySnapshot } from "@/lib/policy/policy.types";
import { type Decision, refusal } from "./decision";

type Ids = { tenantId: string | null; keyId: string | null };

const matchers = new WeakMap<PolicySnapshot, ReturnType<typeof createOriginMatcher>>();

/** The origin to echo when `policy` allows `origin`, else null. Compiled once per snapshot. */
export function allowedOrigin(policy: PolicySnapshot, origin: string): string | null {
  let matcher = matchers.get(policy);
  if (!matcher) {
    matcher = createOriginMatcher(policy.origins);
    matchers.set(policy, matcher);
  }
  return matcher(origin);
}

/** What a browser needs to read the answer; 429s and their Retry-After included. */
const EXPOSED = [
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "X-RateLimit-Window",
  "RateLimit",
  "RateLimit-Policy",
  "Retry-After",
  "Warning",
].join(", ");

/**
 * Headers for an allowed origin. NOTE: credentials are allowed only because the exact origin
 * is echoed; `*` with credentials is what browsers refuse and what would expose every user.
 */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": EXPOSED,
    Vary: "Origin",
  };
}

/** 403 for an origin the tenant does not list. Refused before any limit: it consumes nothing. */
export function originNotAllowed(ids: Ids, vary = "Origin"): Decision {
  return refusal("ORIGIN_NOT_ALLOWED", { ...ids, headers: { Vary: vary } });
}
