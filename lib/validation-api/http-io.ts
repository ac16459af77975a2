import type { IncomingMessage, ServerResponse } from "node:http";
import { endAtEndOfTurn } from "./end-of-turn";
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

/** Reads a JSON body of at most 16 KiB (event-based: cheaper than an async iterator per request). */
export function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new HttpError("PAYLOAD_TOO_LARGE"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(new HttpError("PAYLOAD_TOO_LARGE"));
      } else chunks.push(chunk);
    });
    req.once("error", reject);
    req.once("end", () => {
      if (size > MAX_BODY_BYTES) return;
      if (size === 0)
        return reject(
          new HttpError("BAD_REQUEST", { field: "body", message: "body: a JSON object is required" }),
        );
      try {
        resolve(JSON.parse((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8")));
      } catch {
        reject(new HttpError("BAD_REQUEST", { field: "body", message: "body: not valid JSON" }));
      }
    });
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  sendRaw(res, status, JSON.stringify(body), headers);
}

/** Sends an already serialized JSON body (written with the turn's other answers). */
export function sendRaw(
  res: ServerResponse,
  status: number,
  payload: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  endAtEndOfTurn(res, payload);
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
