import { type ApiRequest, MAX_BODY_BYTES, splitTarget } from "./http-io";

const MAX_HEAD_BYTES = 16 * 1024;

export type Parsed =
  | { kind: "incomplete" }
  /** Valid or not, not for the lean front: node:http takes the connection from this request on. */
  | { kind: "unusual" }
  | { kind: "request"; request: ApiRequest; close: boolean; next: number };

const INCOMPLETE: Parsed = { kind: "incomplete" };
const UNUSUAL: Parsed = { kind: "unusual" };

// Origin-form targets of the methods the API serves; HEAD, CONNECT, HTTP/1.0 and the rest go to node:http.
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|OPTIONS) (\/[\x21-\x7e]*) HTTP\/1\.1$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const DIGITS = /^\d{1,5}$/;
const CLOSE = /(?:^|,)\s*close\s*(?:,|$)/i;
/** Framing and protocol switches the lean front never interprets itself. */
const LEFT_TO_NODE = new Set(["transfer-encoding", "expect", "upgrade"]);

/** Header names seen before, as written → lower case (a gateway sends the same few every time). */
const knownNames = new Map<string, string>();

/** The header name in lower case, or null when it is not a token (such a request goes to node:http). */
function headerName(raw: string): string | null {
  const known = knownNames.get(raw);
  if (known !== undefined) return known;
  if (!TOKEN.test(raw)) return null;
  const name = raw.toLowerCase();
  if (knownNames.size < 256) knownNames.set(raw, name);
  return name;
}

/**
 * Reads one HTTP/1.1 request at `at`, strictly: a request line, `name: value` headers each at most
 * once, a Host, and a body framed by Content-Length alone (≤ 16 KiB). Whatever it does not
 * accept is "unusual" and left to node:http, so the two parsers never disagree on where a
 * request ends (no request smuggling between them).
 */
export function parseRequest(buf: Buffer, at: number, remoteAddress: string | null): Parsed {
  const headEnd = buf.indexOf("\r\n\r\n", at, "latin1");
  if (headEnd === -1) return buf.length - at > MAX_HEAD_BYTES ? UNUSUAL : INCOMPLETE;
  if (headEnd - at > MAX_HEAD_BYTES) return UNUSUAL;
  const head = buf.toString("latin1", at, headEnd);
  const firstBreak = head.indexOf("\r\n");
  const line = REQUEST_LINE.exec(firstBreak === -1 ? head : head.slice(0, firstBreak));
  if (!line) return UNUSUAL;
  const headers: Record<string, string> = {};
  // Line by line without splitting: one string fewer per header on the hot path.
  for (let pos = firstBreak === -1 ? head.length : firstBreak + 2; pos < head.length; ) {
    let end = head.indexOf("\r\n", pos);
    if (end === -1) end = head.length;
    const colon = head.indexOf(":", pos);
    if (colon <= pos || colon > end) return UNUSUAL;
    const name = headerName(head.slice(pos, colon));
    const value = head.slice(colon + 1, end).trim();
    if (name === null || CONTROL.test(value)) return UNUSUAL;
    if (headers[name] !== undefined || LEFT_TO_NODE.has(name)) return UNUSUAL;
    headers[name] = value;
    pos = end + 2;
  }
  if (headers.host === undefined) return UNUSUAL;
  const declared = headers["content-length"];
  let length = 0;
  if (declared !== undefined) {
    if (!DIGITS.test(declared)) return UNUSUAL;
    length = Number(declared);
    if (length > MAX_BODY_BYTES) return UNUSUAL;
  }
  const bodyStart = headEnd + 4;
  if (buf.length < bodyStart + length) return INCOMPLETE;
  const { path, query } = splitTarget(line[2] as string);
  return {
    kind: "request",
    request: {
      method: line[1] as string,
      path,
      query,
      headers,
      body: length === 0 ? null : buf.subarray(bodyStart, bodyStart + length),
      remoteAddress,
    },
    close: headers.connection !== undefined && CLOSE.test(headers.connection),
    next: bodyStart + length,
  };
}
