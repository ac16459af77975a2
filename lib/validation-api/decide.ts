import { hashKey, hasValidChecksum } from "@/lib/keys/key-format";
import type { CheckResult, LimiterStore, LimitSpec, LimitState } from "@/lib/limiter/types";
import type { KeyRecord, PolicySnapshot } from "@/lib/policy/policy.types";
import { activeMultiplier, nextAdjustmentChange } from "./build-specs";
import { allowedOrigin, corsHeaders, originNotAllowed } from "./cors-headers";
import { type Decision, refusal } from "./decision";
import { checkInvalidKeyAttempt } from "./invalid-keys";
import { localRefusal } from "./local-refusal";
import type { PolicyCache } from "./policy-cache";
import { rateLimitHeaders } from "./rate-limit-headers";
import type { RefusalCache } from "./refusal-cache";
import { createRouteMatcher, normalizePath } from "./route-matcher";
import { preparedCheck } from "./spec-cache";
import type { StoreHealth } from "./store-health";

export type CheckInput = {
  key: string | null;
  ip: string | null;
  method: string;
  path: string;
  origin?: string | null;
};

export type DecideDeps = {
  cache: PolicyCache;
  /** Redis (or the in-process store in embedded mode). */
  store: LimiterStore;
  /** In-process insurance for fail-open policies while the store is down. */
  insurance: LimiterStore;
  /** In-process counter of malformed keys per IP: refused without touching Redis. */
  localInvalid: LimiterStore;
  refusals: RefusalCache;
  health: StoreHealth;
  /** How many validation processes share the load: the insurance limiter gets 1/n of each limit. */
  processes: number;
  /** Records admitted keys' last use (reported in batches). */
  usage?: { touch(keyId: string, at: number): void };
  now?: () => number;
};

/** The time decisions are taken at: the deps' clock (tests), else the wall clock. */
export const timeOf = (deps: DecideDeps): number => deps.now?.() ?? Date.now();

const matchers = new WeakMap<PolicySnapshot, ReturnType<typeof createRouteMatcher>>();
function matcherFor(policy: PolicySnapshot) {
  let matcher = matchers.get(policy);
  if (!matcher) {
    matcher = createRouteMatcher(policy.endpoints);
    matchers.set(policy, matcher);
  }
  return matcher;
}

const UNAVAILABLE = () => refusal("SERVICE_UNAVAILABLE", { retryAfter: 1, headers: { "Retry-After": "1" } });

/** Decides one request: key → policy → origin (when a browser sent one) → every applicable limit. */
export async function decide(input: CheckInput, deps: DecideDeps): Promise<Decision> {
  const now = timeOf(deps);
  const key = input.key;
  if (!key || !hasValidChecksum(key)) {
    return checkInvalidKeyAttempt(deps.localInvalid, input.ip);
  }
  const hash = hashKey(key);
  let record = deps.cache.cachedKey(hash);
  let policy: PolicySnapshot | null | undefined;
  try {
    if (record === undefined) record = await deps.cache.fetchKey(hash);
    if (!record)
      return await checkInvalidKeyAttempt(deps.health.isDown(now) ? deps.localInvalid : deps.store, input.ip);
    policy = deps.cache.cachedPolicy(record.tenantId) ?? (await deps.cache.fetchPolicy(record.tenantId));
  } catch {
    deps.health.markDown(now);
    return UNAVAILABLE();
  }
  const ids = { tenantId: record.tenantId, keyId: record.keyId };
  if (!input.origin || !policy) return enforce(input, record, policy, ids, deps, now);
  // A browser request: its origin is checked before any limit, so a refused one consumes nothing.
  const origin = allowedOrigin(policy, input.origin);
  if (!origin) return originNotAllowed(ids);
  const decision = await enforce(input, record, policy, ids, deps, now);
  // A copy: decisions may be shared (see localRefusal), never edit one in place.
  return { ...decision, headers: { ...decision.headers, ...corsHeaders(origin) } };
}

/** The key's state, the tenant's status, then every applicable limit in one store call. */
async function enforce(
  input: CheckInput,
  record: KeyRecord,
  policy: PolicySnapshot | null,
  ids: Ids,
  deps: DecideDeps,
  now: number,
): Promise<Decision> {
  if (record.revokedAt !== null && record.revokedAt <= now) return refusal("KEY_REVOKED", ids);
  if (record.expiresAt !== null && record.expiresAt <= now) return refusal("KEY_EXPIRED", ids);
  if (!policy) return UNAVAILABLE();
  if (policy.status === "SUSPENDED") return refusal("TENANT_SUSPENDED", ids);

  const endpoint = matcherFor(policy)(input.method, normalizePath(input.path));
  const { specs, cost, policyHeader } = preparedCheck(
    policy,
    record,
    endpoint,
    input.ip,
    activeMultiplier(policy, now),
  );
  if (specs.length === 0) {
    deps.usage?.touch(record.keyId, now);
    return allowed(ids, cost, {}, null);
  }

  const known = deps.refusals.refusedUntil(specs, now);
  // An inline builder: tsx names every `const f = () => …` with a call per request.
  if (known)
    return localRefusal(
      specs,
      known,
      now,
      (at) => refused(ids, cost, specs, localState(specs, known.spec, known.until, at), policyHeader),
      // Time alone moves nothing else in this answer until the key expires or an adjustment turns.
      Math.min(
        known.until,
        record.expiresAt ?? known.until,
        record.revokedAt ?? known.until,
        nextAdjustmentChange(policy, now),
      ),
    );

  const outcome = await runCheck(specs, policy, deps, now);
  if (outcome === "unavailable") return UNAVAILABLE();
  const { result, degraded } = outcome;
  // Only the store's refusals are remembered: the fail-open limiter's end with the outage.
  if (!result.allowed && !degraded) rememberRefusal(specs, result, deps.refusals);
  const decision = toDecision(ids, cost, specs, result, policyHeader);
  if (decision.allowed) deps.usage?.touch(record.keyId, now);
  if (degraded)
    decision.headers["X-Sluice-Degraded"] = "limiter-unreachable; decided by the local fail-open limiter";
  return decision;
}

async function runCheck(specs: LimitSpec[], policy: PolicySnapshot, deps: DecideDeps, now: number) {
  if (!deps.health.isDown(now)) {
    try {
      const result = await deps.store.check(specs);
      deps.health.markUp();
      return { result, degraded: false };
    } catch {
      deps.health.markDown(now);
    }
  }
  if (policy.failureMode === "CLOSED") return "unavailable" as const;
  const share = Math.max(1, deps.processes);
  const local = specs.map((s) => ({ ...s, max: Math.floor(s.max / share) }));
  return { result: await deps.insurance.check(local), degraded: true };
}

/** Each refusing limit until it has room again: a log others share (the pool, an IP) frees on its own. */
function rememberRefusal(specs: LimitSpec[], result: CheckResult, refusals: RefusalCache) {
  for (let i = 0; i < specs.length; i++) {
    const { retryAt } = result.states[i] as LimitState;
    if (retryAt > 0) refusals.remember(specs[i] as LimitSpec, retryAt, result.now);
  }
}

function toDecision(
  ids: Ids,
  cost: number,
  specs: LimitSpec[],
  result: CheckResult,
  policyHeader: string,
): Decision {
  if (result.allowed) {
    const binding = result.states[result.binding] as LimitState;
    const { headers, limit } = rateLimitHeaders(specs, binding, result.now, 0, policyHeader);
    return allowed(ids, cost, headers, limit);
  }
  return refused(ids, cost, specs, result, policyHeader);
}

type Ids = { tenantId: string; keyId: string };

function allowed(
  ids: Ids,
  cost: number,
  headers: Record<string, string>,
  limit: Decision["limit"],
): Decision {
  return {
    allowed: true,
    status: 200,
    code: null,
    ...ids,
    cost,
    limit,
    retryAfter: null,
    headers,
    error: null,
  };
}

function refused(
  ids: Ids,
  cost: number,
  specs: LimitSpec[],
  result: CheckResult,
  policyHeader: string,
): Decision {
  const binding = result.states[result.binding] as LimitState;
  const { headers, limit, retryAfter } = rateLimitHeaders(
    specs,
    binding,
    result.now,
    result.retryAt,
    policyHeader,
  );
  return refusal("RATE_LIMIT_EXCEEDED", {
    ...ids,
    cost,
    limit,
    retryAfter,
    headers,
    error: {
      message: `Request quota exhausted. Retry after ${retryAfter} s.`,
      retry_after: retryAfter ?? 1,
      quota_reset_at: new Date(Math.ceil(result.retryAt / 1000) * 1000).toISOString().replace(".000Z", "Z"),
      limit: binding.name,
    },
  });
}

/** A refusal known locally: the refused limit is reported as full, the others as unknown-but-fine. */
function localState(specs: LimitSpec[], spec: LimitSpec, until: number, now: number): CheckResult {
  return {
    allowed: false,
    refusedBy: [spec.name],
    binding: specs.indexOf(spec),
    retryAt: until,
    now,
    states: specs.map((s) => ({
      name: s.name,
      max: s.max,
      windowMs: s.windowMs,
      used: s === spec ? s.max : 0,
      resetAt: until,
      retryAt: s === spec ? until : 0,
    })),
  };
}
