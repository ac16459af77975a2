import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ApiContext } from "./api-context";
import { HttpError, sendError, sendJson } from "./http-io";
import { OPENAPI_DOCUMENT } from "./openapi";
import { checkRoute } from "./routes/check";
import { forwardAuthRoute } from "./routes/forward-auth";
import { keysSelfRoute } from "./routes/keys-self";

/** `query` is the raw query string (without "?"): only forward-auth reads it, so it is not parsed here. */
type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ApiContext,
  query: string,
) => Promise<void> | void;

const ROUTES: Record<string, Route> = {
  "POST /v1/check": checkRoute,
  "GET /v1/forward-auth": forwardAuthRoute,
  "POST /v1/forward-auth": forwardAuthRoute,
  "GET /v1/keys/self": keysSelfRoute,
  "GET /v1/openapi.json": (_req, res) => sendJson(res, 200, OPENAPI_DOCUMENT),
  "GET /healthz": (_req, res) => sendJson(res, 200, { ok: true }),
  "GET /readyz": async (_req, res, ctx) => {
    try {
      await ctx.ping();
      sendJson(res, 200, { ok: true });
    } catch {
      sendJson(res, 503, {
        ok: false,
        error: { code: "SERVICE_UNAVAILABLE", message: "limiter store unreachable" },
      });
    }
  },
};

/** The validation API: plain node:http, a table of routes, no framework on the hot path. */
export function createValidationServer(ctx: ApiContext): Server {
  return createServer((req, res) => {
    const target = req.url ?? "/";
    const mark = target.indexOf("?");
    const pathname = mark === -1 ? target : target.slice(0, mark);
    const route = ROUTES[`${req.method} ${pathname}`];
    if (!route) {
      const known = Object.keys(ROUTES).some((r) => r.endsWith(` ${pathname}`));
      return sendError(
        res,
        new HttpError(
          known ? "BAD_REQUEST" : "NOT_FOUND",
          known ? { message: `method ${req.method} not allowed` } : {},
        ),
      );
    }
    Promise.resolve(route(req, res, ctx, mark === -1 ? "" : target.slice(mark + 1))).catch(
      (error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpError) return sendError(res, error);
        // Never echo request data (it may hold a key): log the error class and message only.
        console.error("[validation-api]", (error as Error).name, (error as Error).message);
        sendError(res, new HttpError("SERVICE_UNAVAILABLE"), { "Retry-After": "1" });
      },
    );
  });
}
