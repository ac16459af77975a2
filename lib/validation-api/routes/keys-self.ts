import { hashKey, hasValidChecksum } from "@/lib/keys/key-format";
import type { ApiContext } from "../api-context";
import { activeMultiplier, buildSpecs } from "../build-specs";
import { errorBody } from "../errors";
import {
  type ApiRequest,
  type ApiResponse,
  bearer,
  clientIp,
  errorResponse,
  HttpError,
  json,
} from "../http-io";
import { windowLabel } from "../rate-limit-headers";

const SELF_CHECKS_PER_MINUTE = 60;

/**
 * GET /v1/keys/self — integrators check their own key: name, tenant, limits and current usage.
 * Costs no quota (usage is read, not consumed); throttled per source IP.
 */
export async function keysSelfRoute(req: ApiRequest, ctx: ApiContext): Promise<ApiResponse> {
  const ip = clientIp(req) ?? "unknown";
  const throttle = await ctx.store
    .check([{ name: "ip", key: `{self}:ip:${ip}`, windowMs: 60_000, max: SELF_CHECKS_PER_MINUTE, cost: 1 }])
    .catch(() => null);
  if (throttle && !throttle.allowed) {
    const retryAfter = Math.max(1, Math.ceil((throttle.retryAt - throttle.now) / 1000));
    return errorResponse(new HttpError("RATE_LIMIT_EXCEEDED", { retry_after: retryAfter, limit: "ip" }), {
      "Retry-After": String(retryAfter),
    });
  }
  const key = bearer(req);
  if (!key || !hasValidChecksum(key)) return errorResponse(new HttpError("INVALID_KEY"));
  const hash = hashKey(key);
  const record = ctx.deps.cache.cachedKey(hash) ?? (await ctx.deps.cache.fetchKey(hash));
  const now = Date.now();
  if (!record) return errorResponse(new HttpError("INVALID_KEY"));
  if (record.revokedAt !== null && record.revokedAt <= now)
    return errorResponse(new HttpError("KEY_REVOKED"));
  if (record.expiresAt !== null && record.expiresAt <= now)
    return errorResponse(new HttpError("KEY_EXPIRED"));
  const policy =
    ctx.deps.cache.cachedPolicy(record.tenantId) ?? (await ctx.deps.cache.fetchPolicy(record.tenantId));
  if (!policy) return errorResponse(new HttpError("SERVICE_UNAVAILABLE"));
  const { specs } = buildSpecs(policy, record, null, null, activeMultiplier(policy, now));
  const usage = await ctx.store.peek(specs).catch(() => null);
  return json(200, {
    key: {
      id: record.keyId,
      name: record.name,
      prefix: record.prefix,
      last4: record.last4,
      expiresAt: record.expiresAt ? new Date(record.expiresAt).toISOString() : null,
    },
    tenant: { id: policy.tenantId, slug: policy.slug, status: policy.status },
    limits: specs.map((spec, i) => ({
      name: spec.name,
      limit: spec.max,
      window: windowLabel(spec.windowMs),
      used: usage?.states[i]?.used ?? null,
      remaining: usage ? Math.max(0, spec.max - usage.states[i].used) : null,
    })),
    ...(usage ? {} : { warning: errorBody("SERVICE_UNAVAILABLE").message }),
  });
}
