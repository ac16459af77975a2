// Benchmark floor: node:http doing one EVALSHA of our limiter script per request and nothing
// else of ours (the same four limits, a fixed JSON answer). The premise is that such a
// server reaches about 40 % of the bare one; this row measures that on the machine at hand, and
// ours / floor says what the rest of our work costs. Same body, key lookup and route matcher as
// the rate-limiter-flexible server. Started by bench/run.ts:
//   PORT=… REDIS_URL=… BENCH_RLF_DATA=<json file> tsx bench/evalsha-server.ts
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Redis } from "ioredis";
import { hashKey } from "@/lib/keys/key-format";
import { defineScript, runScript } from "@/lib/limiter/script-runner";
import { SLIDING_WINDOW_SCRIPT } from "@/lib/limiter/sliding-window.lua";
import { createRouteMatcher, normalizePath } from "@/lib/validation-api/route-matcher";
import type { RlfData } from "./rlf-server";

const data = JSON.parse(readFileSync(process.env.BENCH_RLF_DATA ?? "", "utf8")) as RlfData;
const keys = new Map(data.keys.map(([hash, tenantId, keyId]) => [hash, { tenantId, keyId }]));
const match = createRouteMatcher(data.endpoints);
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const script = defineScript(SLIDING_WINDOW_SCRIPT);
const HIGH = 1e9;
const ANSWER = JSON.stringify({ allowed: true, status: 200, code: null });
let checks = 0;

function send(res: ServerResponse, status: number, payload: string) {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

async function check(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
    key: string;
    method: string;
    path: string;
  };
  const record = keys.get(hashKey(input.key));
  if (!record) return send(res, 200, '{"allowed":false,"status":401}');
  const cost = match(input.method, normalizePath(input.path))?.cost ?? 1;
  const tag = `{${record.tenantId}}`;
  // The argument layout of RedisLimiterStore: per key, cost, longest window, n, then n × (window, max).
  await runScript(
    redis,
    script,
    [`${tag}:floor:pool`, `${tag}:floor:key:${record.keyId}`],
    [
      1,
      `floor${checks++}`,
      cost,
      60_000,
      1,
      60_000,
      HIGH,
      cost,
      3_600_000,
      3,
      60_000,
      HIGH,
      3_600_000,
      HIGH,
      1_000,
      HIGH,
    ],
  );
  send(res, 200, ANSWER);
}

createServer((req, res) => {
  if (req.method === "GET") return send(res, 200, '{"ok":true}'); // readiness probe
  check(req, res).catch(() => send(res, 503, '{"error":{"code":"SERVICE_UNAVAILABLE"}}'));
}).listen(Number(process.env.PORT), "127.0.0.1");
