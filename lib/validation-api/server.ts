import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import type { ApiContext } from "./api-context";
import {
  type ApiHandler,
  type ApiRequest,
  type ApiResponse,
  errorResponse,
  HttpError,
  json,
  rawJson,
} from "./http-io";
import { Http1Connection } from "./http1-front";
import { createNodeHttpFront } from "./node-http-front";
import { OPENAPI_DOCUMENT } from "./openapi";
import { checkRoute } from "./routes/check";
import { forwardAuthRoute } from "./routes/forward-auth";
import { keysSelfRoute } from "./routes/keys-self";

type Route = (req: ApiRequest, ctx: ApiContext) => Promise<ApiResponse> | ApiResponse;

const OPENAPI_JSON = JSON.stringify(OPENAPI_DOCUMENT);

const ROUTES: Record<string, Route> = {
  "POST /v1/check": checkRoute,
  "GET /v1/forward-auth": forwardAuthRoute,
  "POST /v1/forward-auth": forwardAuthRoute,
  "GET /v1/keys/self": keysSelfRoute,
  "GET /v1/openapi.json": () => rawJson(200, OPENAPI_JSON),
  "GET /healthz": () => json(200, { ok: true }),
  "GET /readyz": async (_req, ctx) => {
    try {
      await ctx.ping();
      return json(200, { ok: true });
    } catch {
      return json(503, {
        ok: false,
        error: { code: "SERVICE_UNAVAILABLE", message: "limiter store unreachable" },
      });
    }
  },
};

/** Each path's methods, for the `Allow` header of a 405. */
const METHODS_OF_PATH = new Map<string, string[]>();
for (const route of Object.keys(ROUTES)) {
  const [method, path] = route.split(" ") as [string, string];
  const methods = method === "GET" ? ["GET", "HEAD"] : [method];
  METHODS_OF_PATH.set(path, [...(METHODS_OF_PATH.get(path) ?? []), ...methods]);
}

/** Finds the route, runs it, and turns what it throws into the error envelope. */
async function dispatch(req: ApiRequest, ctx: ApiContext): Promise<ApiResponse> {
  // HEAD is GET without the body (node:http, which serves HEAD, leaves the body out).
  const route = ROUTES[`${req.method === "HEAD" ? "GET" : req.method} ${req.path}`];
  if (!route) {
    const methods = METHODS_OF_PATH.get(req.path);
    if (!methods) return errorResponse(new HttpError("NOT_FOUND"));
    const allow = methods.join(", ");
    const message = `${req.path} answers ${allow}, not ${req.method}`;
    return errorResponse(new HttpError("METHOD_NOT_ALLOWED", { message }), { Allow: allow });
  }
  try {
    return await route(req, ctx);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    // Never echo request data (it may hold a key): log the error class and message only.
    console.error("[validation-api]", (error as Error).name, (error as Error).message);
    return errorResponse(new HttpError("SERVICE_UNAVAILABLE"), { "Retry-After": "1" });
  }
}

/**
 * The validation API's listener: no framework on the hot path. The lean HTTP/1.1 front
 * (http1-front.ts) serves well-formed requests; node:http serves whatever it leaves.
 */
export class ValidationServer {
  private readonly server: Server;
  private readonly connections = new Set<Http1Connection>();
  private readonly fallback;

  constructor(ctx: ApiContext, keepAliveMs = 5_000) {
    const handle: ApiHandler = (req) => dispatch(req, ctx);
    this.fallback = createNodeHttpFront(handle);
    this.fallback.keepAliveTimeout = keepAliveMs;
    this.server = createServer({ allowHalfOpen: true }, (socket: Socket) => {
      const connection = new Http1Connection(socket, handle, this.fallback, keepAliveMs);
      this.connections.add(connection);
      socket.once("close", () => this.connections.delete(connection));
    });
  }

  listen(port: number, host: string, onListening?: () => void): this {
    this.server.listen(port, host, onListening);
    return this;
  }

  address(): AddressInfo {
    return this.server.address() as AddressInfo;
  }

  /** Stops accepting; idle keep-alive connections close now, busy ones after their answers. */
  close(onClosed?: () => void) {
    this.server.close(() => onClosed?.());
    for (const connection of this.connections) if (connection.idle) connection.destroy();
    this.fallback.closeIdleConnections();
  }

  closeAllConnections() {
    for (const connection of this.connections) connection.destroy();
    this.fallback.closeAllConnections();
  }
}

export function createValidationServer(ctx: ApiContext, keepAliveMs?: number): ValidationServer {
  return new ValidationServer(ctx, keepAliveMs);
}
