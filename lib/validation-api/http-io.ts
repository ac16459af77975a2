import type { IncomingMessage, ServerResponse } from "node:http";
import { type ErrorBody, errorBody, REFUSAL_STATUS, type RefusalCode } from "./errors";

export const MAX_BODY_BYTES = 16 * 1024;

export class HttpError extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly detail: Partial<ErrorBody> = {},
  ) {
    super(detail.message ?? code);
  }
}

/** Reads a JSON body of at most 16 KiB. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError("PAYLOAD_TOO_LARGE");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError("PAYLOAD_TOO_LARGE");
    chunks.push(chunk as Buffer);
  }
  if (size === 0)
    throw new HttpError("BAD_REQUEST", { field: "body", message: "body: a JSON object is required" });
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError("BAD_REQUEST", { field: "body", message: "body: not valid JSON" });
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}) {
  sendJson(res, REFUSAL_STATUS[error.code], { error: errorBody(error.code, error.detail) }, headers);
}

/** One request header's value (the first, when repeated), or null. */
export function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/** The client address: the first X-Forwarded-For entry a trusted gateway set, else the socket's. */
export function clientIp(req: IncomingMessage): string | null {
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || (req.headers["x-real-ip"] as string | undefined) || req.socket.remoteAddress || null;
}
