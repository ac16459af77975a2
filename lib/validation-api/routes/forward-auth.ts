import type { ApiContext } from "../api-context";
import { decide, timeOf } from "../decide";
import { decidePreflight, type PreflightInput } from "../decide-preflight";
import type { Decision } from "../decision";
import { type ApiRequest, type ApiResponse, bearer, clientIp, headerValue as header, json } from "../http-io";
import { refusalDecision } from "../local-refusal";

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
    : await decideRepeatable(req, method, origin, ctx);
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

/**
 * A key's check, answered from memory when the same request (key, IP, method, path) was refused
 * locally moments ago and that refusal still holds (see repeated-refusals.ts). Browser requests
 * (with an Origin) are always decided in full: their answers carry the origin's CORS headers.
 */
async function decideRepeatable(
  req: ApiRequest,
  method: string,
  origin: string | null,
  ctx: ApiContext,
): Promise<Decision> {
  const input = {
    key: bearer(req) ?? header(req, "x-api-key"),
    ip: clientIp(req),
    method,
    path: header(req, "x-forwarded-uri") ?? "/",
    origin,
  };
  if (origin || !input.key) return decide(input, ctx.deps);
  // Header values hold no line breaks (both fronts refuse them), so this identifies the request;
  // and no remembered /v1/check body (a JSON object) can start like it.
  const request = `forward-auth\n${input.key}\n${input.ip}\n${method}\n${input.path}`;
  const now = timeOf(ctx.deps);
  const template = ctx.repeatedRefusals.find(request, now);
  if (template) return refusalDecision(template, now);
  const decision = await decide(input, ctx.deps);
  ctx.repeatedRefusals.remember(request, decision);
  return decision;
}
