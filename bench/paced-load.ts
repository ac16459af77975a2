// An open-loop load at a steady rate, for latency below saturation. autocannon's `overallRate`
// is a per-second budget: every connection sends its share back to back as soon as the second
// starts and then idles, so the server sees full-speed bursts and the latency is that of
// saturation. Here requests leave evenly spaced, whatever the answers do.
import { Agent, request } from "node:http";
import type { LoadResult } from "./load";

const TICK_MS = 1;

export type PacedOptions = {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  seconds: number;
  /** Requests per second. */
  rate: number;
  /** Open connections at most. */
  connections: number;
};

export function runPaced(options: PacedOptions): Promise<LoadResult> {
  const { bodies, rate, seconds } = options;
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let sent = 0;
  let settled = 0;
  let errors = 0;
  let non2xx = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();

  return new Promise((resolve) => {
    const finish = () => {
      if (settled < total) return;
      agent.destroy();
      const sorted = Float64Array.from(latencies).sort();
      const at = (p: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
      const elapsed = (performance.now() - start) / 1000;
      resolve({
        rps: latencies.length / elapsed,
        p50: at(50),
        p99: at(99),
        responses: latencies.length,
        errors,
        non2xx,
      });
    };
    const send = (index: number) => {
      // From the moment it is written: the pacing timer's own jitter (about a millisecond) must
      // not count. With as many connections as the load generator uses, none waits for a socket.
      const sentAt = performance.now();
      const body = bodies[index % bodies.length] as string;
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            ...options.headers,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) {
              latencies.push(performance.now() - sentAt);
            } else non2xx++;
            settled++;
            finish();
          });
        },
      );
      req.on("error", () => {
        errors++;
        settled++;
        finish();
      });
      req.end(body);
    };
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent < due) send(sent++);
      if (sent >= total) clearInterval(timer);
    }, TICK_MS);
  });
}
