import type { ApiContext } from "../api-context";
import { decide } from "../decide";
import { decidePreflight, type PreflightInput } from "../decide-preflight";
import { type ApiRequest, type ApiResponse, bearer, clientIp, headerValue as header, json } from "../http-io";

/**
 * GET|POST /v1/forward-auth — the same decision for gateways (Traefik ForwardAuth, Caddy
 * forward_auth, Envoy ext_authz, nginx auth_request): 2xx with the headers to add, or the
 * refusal itself. nginx's auth_request only passes 401 and 403 through, so with `?mode=nginx`
 * other refusals answer 403 and carry the real status in X-Sluice-Status for the gateway to map.
 */
export async function forwardAuthRoute(req: ApiRequest, ctx: ApiContext): Promise<ApiResponse> {
  const params = new URLSearchParams(req.query);
  const method = (header(req, "x-forwarded-method") ?? "GET").toUpperCase();
  const origin = header(req, "origin");
  const preflight = method === "OPTIONS" ? preflightOf(req, params, origin) : null;
  const decision = preflight
    ? await decidePreflight(preflight, { ...ctx.deps, tenants: ctx.preflightTenants })
    : await decide(
        {
          key: bearer(req) ?? header(req, "x-api-key"),
          ip: clientIp(req),
          method,
          path: header(req, "x-forwarded-uri") ?? "/",
          origin,
        },
        ctx.deps,
      );
  const headers: Record<string, string> = { ...decision.headers, "X-Sluice-Status": String(decision.status) };
  if (decision.allowed) return { status: decision.status, headers, body: "" };
  const nginx = params.get("mode") === "nginx";
  const status = nginx && decision.status !== 401 && decision.status !== 403 ? 403 : decision.status;
  if (nginx && decision.error) headers["X-Sluice-Error"] = JSON.stringify({ error: decision.error });
  return json(status, { error: decision.error }, headers);
}

/** A browser's CORS preflight: OPTIONS with Origin and Access-Control-Request-Method, no key. */
function preflightOf(req: ApiRequest, params: URLSearchParams, origin: string | null): PreflightInput | null {
  const requested = header(req, "access-control-request-method");
  if (!origin || !requested) return null;
  return {
    origin,
    method: requested,
    headers: header(req, "access-control-request-headers") || null,
    tenantRef: params.get("tenant"),
  };
}
