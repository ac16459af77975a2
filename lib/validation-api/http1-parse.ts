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

/** What a request's head says; shared by every request with the same head, so never edited. */
type Head = {
  method: string;
  path: string;
  query: string;
  headers: Readonly<Record<string, string>>;
  bodyLength: number;
  close: boolean;
};

/**
 * Heads seen before, by their text: a service or gateway sends the same few heads again and again
 * (the body, not the head, carries what changes), and a lookup costs a tenth of a parse.
 */
const recentHeads = new Map<string, Head>();
const MAX_RECENT_HEADS = 512;

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
  const text = buf.toString("latin1", at, headEnd);
  let head = recentHeads.get(text);
  if (head === undefined) {
    const parsed = parseHead(text);
    if (parsed === null) return UNUSUAL;
    if (recentHeads.size >= MAX_RECENT_HEADS) recentHeads.clear();
    recentHeads.set(text, parsed);
    head = parsed;
  }
  const bodyStart = headEnd + 4;
  const next = bodyStart + head.bodyLength;
  if (buf.length < next) return INCOMPLETE;
  return {
    kind: "request",
    request: {
      method: head.method,
      path: head.path,
      query: head.query,
      headers: head.headers,
      body: head.bodyLength === 0 ? null : buf.subarray(bodyStart, next),
      remoteAddress,
    },
    close: head.close,
    next,
  };
}

/** The head's request line and headers, or null when the lean front does not take it. */
function parseHead(head: string): Head | null {
  const firstBreak = head.indexOf("\r\n");
  const line = REQUEST_LINE.exec(firstBreak === -1 ? head : head.slice(0, firstBreak));
  if (!line) return null;
  const headers: Record<string, string> = {};
  // Line by line without splitting: one string fewer per header.
  for (let pos = firstBreak === -1 ? head.length : firstBreak + 2; pos < head.length; ) {
    let end = head.indexOf("\r\n", pos);
    if (end === -1) end = head.length;
    const colon = head.indexOf(":", pos);
    if (colon <= pos || colon > end) return null;
    const name = headerName(head.slice(pos, colon));
    const value = head.slice(colon + 1, end).trim();
    if (name === null || CONTROL.test(value)) return null;
    if (headers[name] !== undefined || LEFT_TO_NODE.has(name)) return null;
    headers[name] = value;
    pos = end + 2;
  }
  if (headers.host === undefined) return null;
  const declared = headers["content-length"];
  let bodyLength = 0;
  if (declared !== undefined) {
    if (!DIGITS.test(declared)) return null;
    bodyLength = Number(declared);
    if (bodyLength > MAX_BODY_BYTES) return null;
  }
  const { path, query } = splitTarget(line[2] as string);
  return {
    method: line[1] as string,
    path,
    query,
    headers,
    bodyLength,
    close: headers.connection !== undefined && CLOSE.test(headers.connection),
  };
}
