import { normalizeOrigin } from "@/lib/cors/origin-rules";
import { allowedOrigin, originNotAllowed } from "./cors-headers";
import type { Decision } from "./decision";
import { refusal } from "./decision";
import type { PolicyCache } from "./policy-cache";
import type { PreflightTenants } from "./preflight-tenants";
import type { StoreHealth } from "./store-health";

export type PreflightInput = {
  origin: string;
  /** Access-Control-Request-Method. */
  method: string;
  /** Access-Control-Request-Headers, when the browser sent it. */
  headers: string | null;
  /** `?tenant=` on the forward-auth URL: the gateway names the tenant. */
  tenantRef: string | null;
};

export type PreflightDeps = { cache: PolicyCache; tenants: PreflightTenants; health: StoreHealth };

const VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/;
const HEADER_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;
const TENANT_REF = /^[A-Za-z0-9_-]{1,64}$/;

const badRequest = (field: string, message: string) => refusal("BAD_REQUEST", { error: { field, message } });

/**
 * Answers a browser's CORS preflight (OPTIONS with Origin and Access-Control-Request-Method).
 * It carries no API key, so the tenant comes from the gateway or the origin index; it consumes
 * no quota. Allowed: 204 with the exact origin echoed. Otherwise 403 ORIGIN_NOT_ALLOWED.
 */
export async function decidePreflight(input: PreflightInput, deps: PreflightDeps): Promise<Decision> {
  if (!TOKEN.test(input.method))
    return badRequest("Access-Control-Request-Method", "Access-Control-Request-Method: not an HTTP method");
  if (input.headers !== null && (input.headers.length > 1024 || !HEADER_LIST.test(input.headers.trim())))
    return badRequest("Access-Control-Request-Headers", "Access-Control-Request-Headers: not a header list");
  if (input.tenantRef !== null && !TENANT_REF.test(input.tenantRef))
    return badRequest("tenant", "tenant: a tenant id or slug");
  const origin = normalizeOrigin(input.origin);
  if (!origin) return originNotAllowed({ tenantId: null, keyId: null }, VARY);
  try {
    const candidates = input.tenantRef
      ? await deps.tenants.named(input.tenantRef)
      : await deps.tenants.listing(origin);
    for (const tenantId of candidates) {
      const policy = deps.cache.cachedPolicy(tenantId) ?? (await deps.cache.fetchPolicy(tenantId));
      if (policy && allowedOrigin(policy, origin)) return allowedPreflight(tenantId, origin, input);
    }
  } catch {
    deps.health.markDown(Date.now());
    return refusal("SERVICE_UNAVAILABLE", { retryAfter: 1, headers: { "Retry-After": "1", Vary: VARY } });
  }
  return originNotAllowed({ tenantId: null, keyId: null }, VARY);
}

function allowedPreflight(tenantId: string, origin: string, input: PreflightInput): Decision {
  return {
    allowed: true,
    status: 204,
    code: null,
    tenantId,
    keyId: null,
    cost: 0,
    limit: null,
    retryAfter: null,
    headers: {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": input.method,
      "Access-Control-Allow-Headers": input.headers?.trim() || "Authorization, Content-Type",
      "Access-Control-Allow-Credentials": "true",
      "Access-Control-Max-Age": "600",
      Vary: VARY,
    },
    error: null,
  };
}
