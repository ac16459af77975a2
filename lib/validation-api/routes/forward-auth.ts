import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext } from "../api-context";
import { decide } from "../decide";
import { decidePreflight, type PreflightInput } from "../decide-preflight";
import { endAtEndOfTurn } from "../end-of-turn";
import { bearer, clientIp, headerValue as header, sendJson } from "../http-io";

/**
 * GET|POST /v1/forward-auth — the same decision for gateways (Traefik ForwardAuth, Caddy
 * forward_auth, Envoy ext_authz, nginx auth_request): 2xx with the headers to add, or the
 * refusal itself. nginx's auth_request only passes 401 and 403 through, so with `?mode=nginx`
 * other refusals answer 403 and carry the real status in X-Sluice-Status for the gateway to map.
 */
export async function forwardAuthRoute(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ApiContext,
  query: string,
) {
  const params = new URLSearchParams(query);
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
  if (decision.allowed) {
    headers["content-length"] = "0";
    res.writeHead(decision.status, headers);
    endAtEndOfTurn(res, "");
    return;
  }
  const nginx = params.get("mode") === "nginx";
  const status = nginx && decision.status !== 401 && decision.status !== 403 ? 403 : decision.status;
  if (nginx && decision.error) headers["X-Sluice-Error"] = JSON.stringify({ error: decision.error });
  sendJson(res, status, { error: decision.error }, headers);
}

/** A browser's CORS preflight: OPTIONS with Origin and Access-Control-Request-Method, no key. */
function preflightOf(
  req: IncomingMessage,
  params: URLSearchParams,
  origin: string | null,
): PreflightInput | null {
  const requested = header(req, "access-control-request-method");
  if (!origin || !requested) return null;
  return {
    origin,
    method: requested,
    headers: header(req, "access-control-request-headers") || null,
    tenantRef: params.get("tenant"),
  };
}
