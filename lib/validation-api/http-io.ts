import { lastForwardedFor } from "@/lib/http/forwarded-for";
import { type ErrorBody, errorBody, REFUSAL_STATUS, type RefusalCode } from "./errors";

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * One request as the routes see it, whichever HTTP front read it (http1-front.ts for the
 * common case, node:http for the rest): header names in lower case, the body already read.
 */
export type ApiRequest = {
  method: string;
  path: string;
  /** The raw query string, without "?" ("" when none). */
  query: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer | null;
  remoteAddress: string | null;
};

/** What a route answers; the front adds content-length, date and connection. */
export type ApiResponse = { status: number; headers: Record<string, string>; body: string };

/** What both HTTP fronts call with each request they read. */
export type ApiHandler = (req: ApiRequest) => Promise<ApiResponse>;

/** A request target's path and its query string (without "?"). */
export function splitTarget(target: string): { path: string; query: string } {
  const mark = target.indexOf("?");
  return mark === -1
    ? { path: target, query: "" }
    : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}

export class HttpError extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly detail: Partial<ErrorBody> = {},
  ) {
    super(detail.message ?? code);
  }
}

/** The request's body as text ("" when there is none). */
export const bodyText = (req: ApiRequest): string => req.body?.toString("utf8") ?? "";

/** A JSON body's value (bodies are at most 16 KiB, which the fronts enforce). */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) {
    throw new HttpError("BAD_REQUEST", { field: "body", message: "body: a JSON object is required" });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError("BAD_REQUEST", { field: "body", message: "body: not valid JSON" });
  }
}

export const jsonBody = (req: ApiRequest): unknown => parseJsonBody(bodyText(req));

/** An already serialized JSON body. `headers` must be a fresh object: the response takes it over. */
export function rawJson(status: number, body: string, headers: Record<string, string> = {}): ApiResponse {
  headers["content-type"] = "application/json";
  return { status, headers, body };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return rawJson(status, JSON.stringify(body), headers);
}

export function errorResponse(error: HttpError, headers: Record<string, string> = {}): ApiResponse {
  return json(REFUSAL_STATUS[error.code], { error: errorBody(error.code, error.detail) }, headers);
}

/** One request header's value (the first, when repeated), or null. */
export function headerValue(req: ApiRequest, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function bearer(req: ApiRequest): string | null {
  const header = headerValue(req, "authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * The client address: the X-Forwarded-For entry the gateway in front of us added (Envoy and
 * others append to what the client sent; Caddy, Traefik and our nginx configuration replace
 * it), else X-Real-IP, else the socket's.
 */
export function clientIp(req: ApiRequest): string | null {
  return (
    lastForwardedFor(headerValue(req, "x-forwarded-for")) ||
    headerValue(req, "x-real-ip") ||
    req.remoteAddress ||
    null
  );
}
