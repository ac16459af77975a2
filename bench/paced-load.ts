// An open-loop load at a steady rate, for latency below saturation: requests leave evenly spaced
// whatever the answers do (Debian's wrk has no rate option; wrk2 is not packaged). Written on
// raw sockets with pre-built requests (HTTP/1.1, keep-alive, pipelined when a connection is
// still busy): node:http's client spent ~125 µs per request here, a quarter of the machine at
// the rates measured, which then showed up as the server's latency.
import { connect, type Socket } from "node:net";
import type { LoadResult } from "./load";

const TICK_MS = 1;
const HEADER_END = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

export type PacedOptions = {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  seconds: number;
  /** Requests per second. */
  rate: number;
  /** Connections the requests are spread over, in turn. */
  connections: number;
};

type Connection = { socket: Socket; sentAt: number[]; buffer: Buffer };

function buildRequests(url: URL, headers: Record<string, string>, bodies: string[]): Buffer[] {
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return bodies.map((body) =>
    Buffer.from(
      `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n${extra}` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    ),
  );
}

export async function runPaced(options: PacedOptions): Promise<LoadResult> {
  const { rate, seconds } = options;
  const url = new URL(options.url);
  const requests = buildRequests(url, options.headers, options.bodies);
  const total = Math.round(rate * seconds);
  const latencies = new Float64Array(total);
  let answered = 0;
  let non2xx = 0;
  let errors = 0;

  const connections: Connection[] = await Promise.all(
    Array.from(
      { length: options.connections },
      () =>
        new Promise<Connection>((resolve, reject) => {
          const socket = connect(Number(url.port), url.hostname, () => resolve(conn));
          const conn: Connection = { socket, sentAt: [], buffer: Buffer.alloc(0) };
          socket.setNoDelay(true);
          socket.once("error", reject);
        }),
    ),
  );

  let settle: () => void = () => {};
  const allAnswered = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const onAnswer = (conn: Connection, status: number) => {
    const sentAt = conn.sentAt.shift() as number;
    if (status >= 200 && status < 300) latencies[answered++] = performance.now() - sentAt;
    else non2xx++;
    if (answered + non2xx + errors >= total) settle();
  };
  for (const conn of connections) {
    conn.socket.on("error", () => {
      errors += conn.sentAt.length;
      conn.sentAt = [];
      if (answered + non2xx + errors >= total) settle();
    });
    conn.socket.on("data", (chunk: Buffer) => {
      conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
      for (;;) {
        const end = conn.buffer.indexOf(HEADER_END);
        if (end === -1) return;
        const head = conn.buffer.toString("latin1", 0, end);
        const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
        const size = end + HEADER_END.length + length;
        if (conn.buffer.length < size) return;
        onAnswer(conn, Number(head.slice(9, 12)));
        conn.buffer = conn.buffer.subarray(size);
      }
    });
  }

  const start = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    const now = performance.now();
    for (; sent < due; sent++) {
      const conn = connections[sent % connections.length] as Connection;
      conn.sentAt.push(now);
      conn.socket.write(requests[sent % requests.length] as Buffer);
    }
    if (sent >= total) clearInterval(timer);
  }, TICK_MS);

  await Promise.race([allAnswered, new Promise((resolve) => setTimeout(resolve, (seconds + 10) * 1000))]);
  clearInterval(timer);
  const elapsed = (performance.now() - start) / 1000;
  for (const conn of connections) conn.socket.destroy();
  const sorted = latencies.slice(0, answered).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { rps: answered / elapsed, p50: at(50), p99: at(99), responses: answered, errors, non2xx };
}
