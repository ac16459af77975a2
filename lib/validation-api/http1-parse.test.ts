import { describe, expect, it } from "vitest";
import { parseRequest } from "./http1-parse";

const CHECK =
  'POST /v1/check?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{"a":1}';
const parse = (text: string) => parseRequest(Buffer.from(text, "latin1"), 0, "127.0.0.1");

describe("parseRequest (the lean front's HTTP/1.1 reader)", () => {
  it("reads the method, path, query, lower-case headers and the body", () => {
    const parsed = parse(CHECK);
    expect(parsed.kind).toBe("request");
    if (parsed.kind !== "request") return;
    expect(parsed.request).toMatchObject({
      method: "POST",
      path: "/v1/check",
      query: "x=1",
      headers: { host: "a", "content-type": "application/json", "content-length": "7" },
      remoteAddress: "127.0.0.1",
    });
    expect(parsed.request.body?.toString()).toBe('{"a":1}');
    expect(parsed.next).toBe(CHECK.length);
    expect(parsed.close).toBe(false);
  });

  it("reads a head seen before as it did the first time, with this request's body and address", () => {
    const first = parse(CHECK);
    const again = parseRequest(Buffer.from(CHECK.replace('{"a":1}', '{"b":2}'), "latin1"), 0, "10.0.0.2");
    if (first.kind !== "request" || again.kind !== "request") throw new Error("expected two requests");
    expect(again.request.body?.toString()).toBe('{"b":2}');
    expect(again.request.remoteAddress).toBe("10.0.0.2");
    expect({ ...again.request, body: null, remoteAddress: null }).toEqual({
      ...first.request,
      body: null,
      remoteAddress: null,
    });
    const unusual = "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    expect(parse(unusual).kind).toBe("unusual");
    expect(parse(unusual).kind).toBe("unusual"); // still, the second time
  });

  it("waits for more at every split point of a request", () => {
    for (let cut = 0; cut < CHECK.length; cut++) expect(parse(CHECK.slice(0, cut)).kind).toBe("incomplete");
  });

  it("reads the next of pipelined requests from where the first ended", () => {
    const two = Buffer.from(
      `${CHECK}GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`,
      "latin1",
    );
    const first = parseRequest(two, 0, null);
    if (first.kind !== "request") throw new Error("expected a request");
    const second = parseRequest(two, first.next, null);
    expect(second).toMatchObject({ kind: "request", close: true, next: two.length });
  });

  it.each([
    ["chunked framing", "POST /v1/check HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"],
    [
      "Content-Length with Transfer-Encoding",
      "POST /v1/check HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
    ],
    [
      "a repeated Content-Length",
      "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
    ],
    ["a signed Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\nx"],
    ["a body over 16 KiB", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 16385\r\n\r\n"],
    [
      "Expect: 100-continue",
      "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n",
    ],
    ["an obsolete folded header", "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  2\r\n\r\n"],
    ["a space before the colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n"],
    ["a bare LF inside the head", "GET / HTTP/1.1\r\nHost: a\nX-A: 1\r\n\r\n"],
    ["no Host", "GET / HTTP/1.1\r\nX-A: 1\r\n\r\n"],
    ["HTTP/1.0", "GET / HTTP/1.0\r\nHost: a\r\n\r\n"],
    ["HEAD", "HEAD /healthz HTTP/1.1\r\nHost: a\r\n\r\n"],
    ["an absolute-form target", "GET http://a/healthz HTTP/1.1\r\nHost: a\r\n\r\n"],
    ["a head over 16 KiB", `GET / HTTP/1.1\r\nHost: a\r\nX-A: ${"a".repeat(17 * 1024)}`],
  ])("leaves %s to node:http", (_name, text) => {
    expect(parse(text).kind).toBe("unusual");
  });
});
