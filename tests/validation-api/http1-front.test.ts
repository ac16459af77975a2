import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInProcessApi } from "../support/in-process-api";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Writes `parts` to a fresh connection (with a pause between), and returns all it reads until it closes or goes quiet. */
function exchange(port: number, parts: string[], quietMs = 300): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let timer: NodeJS.Timeout;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(() => done(false), quietMs);
    };
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      quiet();
    });
    socket.on("end", () => done(true));
    socket.on("error", reject);
    socket.on("connect", async () => {
      for (const part of parts) {
        socket.write(part);
        await new Promise((r) => setTimeout(r, 5));
      }
      quiet();
    });
  });
}

const statusLines = (text: string) => text.match(/HTTP\/1\.1 \d{3}/g) ?? [];
const HEALTH = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
const CHECK_NO_TOKEN = (framing: string, body: string) =>
  `POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n${framing}\r\n\r\n${body}`;

describe("the validation API's HTTP front", () => {
  let api: Awaited<ReturnType<typeof startInProcessApi>>;
  let port: number;
  beforeAll(async () => {
    api = await startInProcessApi(REDIS_URL, {}, 1_000);
    port = Number(new URL(api.url).port);
  });
  afterAll(() => api.stop());

  it("answers pipelined requests in order, on one kept-alive connection", async () => {
    const { text, closed } = await exchange(port, [
      HEALTH + CHECK_NO_TOKEN("Content-Length: 2", "{}") + HEALTH,
    ]);
    expect(statusLines(text)).toEqual(["HTTP/1.1 200", "HTTP/1.1 401", "HTTP/1.1 200"]);
    expect(text).toContain('"code":"UNAUTHORIZED"');
    expect(text).toMatch(/^date: .+ GMT$/m);
    expect(closed).toBe(false);
  });

  it("answers 150 pipelined requests in order, pausing its reads past 64 in flight", async () => {
    const requests = Array.from(
      { length: 150 },
      (_, i) => `GET /healthz?n=${i} HTTP/1.1\r\nHost: t\r\n\r\n`,
    ).join("");
    const { text } = await exchange(port, [requests]);
    expect(statusLines(text)).toHaveLength(150);
    expect(statusLines(text).every((line) => line === "HTTP/1.1 200")).toBe(true);
  });

  it("stops reading from a client that does not read its answers, and goes on when it does", async () => {
    // ~18 MB of requests for ~58 MB of answers: more than the kernel's socket buffers hold.
    const count = 6_000;
    const request = `GET /v1/openapi.json HTTP/1.1\r\nHost: t\r\nX-Pad: ${"p".repeat(3_000)}\r\n\r\n`;
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.pause();
    socket.write(request.repeat(count));
    await new Promise((r) => setTimeout(r, 1_000));
    // Requests still waiting on our side: the server stopped reading them.
    expect(socket.writableLength).toBeGreaterThan(0);
    let answers = 0;
    // A status line cut at a chunk's end is counted with the next chunk: 11 characters carried
    // over can hold a cut "HTTP/1.1 200" (12) but never a whole one.
    let carried = "";
    await new Promise<void>((resolve) => {
      socket.on("data", (chunk: Buffer) => {
        const text = carried + chunk.toString("latin1");
        answers += text.match(/HTTP\/1\.1 200/g)?.length ?? 0;
        carried = text.slice(-11);
        if (answers >= count) resolve();
      });
      socket.resume();
    });
    socket.destroy();
    expect(answers).toBe(count);
  });

  it("closes a kept-alive connection after its idle time", async () => {
    const { text, closed } = await exchange(port, [HEALTH], 3_000);
    expect(statusLines(text)).toEqual(["HTTP/1.1 200"]);
    expect(closed).toBe(true);
  });

  it("answers a request that arrives a byte at a time", async () => {
    const { text } = await exchange(port, [...HEALTH]);
    expect(statusLines(text)).toEqual(["HTTP/1.1 200"]);
    expect(text).toContain('{"ok":true}');
  });

  it("closes after answering a request that asks for it", async () => {
    const { text, closed } = await exchange(port, [
      "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
    ]);
    expect(statusLines(text)).toEqual(["HTTP/1.1 200"]);
    expect(text).toMatch(/^connection: close$/im);
    expect(closed).toBe(true);
  });

  it("hands a chunked body to node:http, which answers it and what follows, in order", async () => {
    const chunked = CHECK_NO_TOKEN("Transfer-Encoding: chunked", "2\r\n{}\r\n0\r\n\r\n");
    const { text, closed } = await exchange(port, [HEALTH + chunked, HEALTH]);
    expect(statusLines(text)).toEqual(["HTTP/1.1 200", "HTTP/1.1 401", "HTTP/1.1 200"]);
    expect(closed).toBe(false);
  });

  it("refuses Content-Length with Transfer-Encoding (request smuggling) through node:http, serving nothing hidden", async () => {
    const smuggled = `${CHECK_NO_TOKEN("Content-Length: 4\r\nTransfer-Encoding: chunked", "0\r\n\r\n")}${HEALTH}`;
    const { text, closed } = await exchange(port, [smuggled]);
    expect(statusLines(text)).toEqual(["HTTP/1.1 400"]);
    expect(closed).toBe(true);
  });

  it("serves HTTP/1.0 and HEAD through node:http", async () => {
    const old = await exchange(port, ["GET /healthz HTTP/1.0\r\n\r\n"]);
    expect(statusLines(old.text)).toEqual(["HTTP/1.1 200"]);
    expect(old.text).toContain('{"ok":true}');
    const head = await exchange(port, ["HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\n"]);
    expect(statusLines(head.text)).toEqual(["HTTP/1.1 200"]);
    expect(head.text).not.toContain("{");
  });

  it("answers 413 to a body over 16 KiB", async () => {
    const big = "x".repeat(17 * 1024);
    const { text } = await exchange(port, [CHECK_NO_TOKEN(`Content-Length: ${big.length}`, big)]);
    expect(statusLines(text)).toEqual(["HTTP/1.1 413"]);
    expect(text).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });
});
