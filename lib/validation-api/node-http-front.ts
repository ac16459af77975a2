import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { flushAtEndOfTurn } from "./end-of-turn";
import {
  type ApiHandler,
  type ApiResponse,
  errorResponse,
  HttpError,
  MAX_BODY_BYTES,
  splitTarget,
} from "./http-io";

/**
 * node:http in front of the routes, for every request the lean front (http1-front.ts) leaves
 * to it: chunked bodies, Expect, HEAD, HTTP/1.0, oversized heads or bodies, repeated headers.
 * Node's own parser and its answers to malformed requests apply there.
 */
export function createNodeHttpFront(handle: ApiHandler): Server {
  return createServer((req, res) => {
    readBody(req).then(
      (body) =>
        handle({
          method: req.method ?? "GET",
          ...splitTarget(req.url ?? "/"),
          headers: req.headers,
          body,
          remoteAddress: req.socket.remoteAddress ?? null,
        }).then((answer) => send(res, answer)),
      (error: HttpError) => send(res, errorResponse(error)),
    );
  });
}

function send(res: ServerResponse, answer: ApiResponse) {
  res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body) });
  flushAtEndOfTurn({ flush: () => res.end(answer.body) });
}

/** The body, at most 16 KiB (event-based: cheaper than an async iterator per request). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
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
      resolve(size === 0 ? null : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
  });
}
