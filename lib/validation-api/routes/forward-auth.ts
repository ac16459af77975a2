import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext } from "../api-context";
import { decide } from "../decide";
import { bearer, clientIp, sendJson } from "../http-io";

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * GET|POST /v1/forward-auth — the same decision for gateways (Traefik ForwardAuth, Caddy
 * forward_auth, Envoy ext_authz, nginx auth_request): 200 with the headers to add, or the
 * refusal itself. nginx's auth_request only passes 401 and 403 through, so with `?mode=nginx`
 * other refusals answer 403 and carry the real status in X-Sluice-Status for the gateway to map.
 */
export async function forwardAuthRoute(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, url: URL) {
  const key = bearer(req) ?? header(req, "x-api-key");
  const decision = await decide(
    {
      key,
      ip: clientIp(req),
      method: (header(req, "x-forwarded-method") ?? "GET").toUpperCase(),
      path: header(req, "x-forwarded-uri") ?? "/",
      origin: header(req, "origin"),
    },
    ctx.deps,
  );
  const headers: Record<string, string> = { ...decision.headers, "X-Sluice-Status": String(decision.status) };
  if (decision.allowed) {
    res.writeHead(200, headers);
    res.end();
    return;
  }
  const nginx = url.searchParams.get("mode") === "nginx";
  const status = nginx && decision.status !== 401 && decision.status !== 403 ? 403 : decision.status;
  if (nginx && decision.error) headers["X-Sluice-Error"] = JSON.stringify({ error: decision.error });
  sendJson(res, status, { error: decision.error }, headers);
}
