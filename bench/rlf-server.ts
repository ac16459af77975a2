// Benchmark competitor: node:http + rate-limiter-flexible doing our four checks (tenant pool,
// key minute, key hour, burst) as four RateLimiterRedis.consume() calls. Same request body, same
// key lookup (SHA-256 → record) and the same route matcher as the validation API, so the
// difference measured is the limiter. Started by bench/run.ts:
//   PORT=… REDIS_URL=… BENCH_RLF_DATA=<json file> tsx bench/rlf-server.ts
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Redis } from "ioredis";
import { RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import { hashKey } from "@/lib/keys/key-format";
import type { EndpointPolicy } from "@/lib/policy/policy.types";
import { createRouteMatcher, normalizePath } from "@/lib/validation-api/route-matcher";

export type RlfData = {
  runId: string;
  keys: [hash: string, tenantId: string, keyId: string][];
  endpoints: EndpointPolicy[];
};

const data = JSON.parse(readFileSync(process.env.BENCH_RLF_DATA ?? "", "utf8")) as RlfData;
const keys = new Map(data.keys.map(([hash, tenantId, keyId]) => [hash, { tenantId, keyId }]));
const match = createRouteMatcher(data.endpoints);
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const limiter = (name: string, duration: number) =>
  new RateLimiterRedis({ storeClient: redis, keyPrefix: `rlf-${data.runId}:${name}`, points: 1e9, duration });
const pool = limiter("pool", 60);
const keyMinute = limiter("min", 60);
const keyHour = limiter("hour", 3600);
const burst = limiter("burst", 1);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

async function check(req: IncomingMessage, res: ServerResponse) {
  const input = JSON.parse(await readBody(req)) as { key: string; method: string; path: string };
  const record = keys.get(hashKey(input.key));
  if (!record) return send(res, 200, { allowed: false, status: 401, code: "INVALID_KEY" });
  const cost = match(input.method, normalizePath(input.path))?.cost ?? 1;
  // In parallel: the fastest way to use it, and like it, not atomic across the four limits.
  const key = `${record.tenantId}:${record.keyId}`; // key ids are unique per tenant only
  let results: RateLimiterRes[];
  try {
    results = await Promise.all([
      pool.consume(record.tenantId, cost),
      keyMinute.consume(key),
      keyHour.consume(key),
      burst.consume(key),
    ]);
  } catch {
    return send(res, 200, { allowed: false, status: 429, code: "RATE_LIMIT_EXCEEDED" });
  }
  const binding = results.reduce((a, b) => (b.remainingPoints < a.remainingPoints ? b : a));
  const headers = {
    "X-RateLimit-Limit": String(1e9),
    "X-RateLimit-Remaining": String(binding.remainingPoints),
    "X-RateLimit-Reset": String(Math.ceil((Date.now() + binding.msBeforeNext) / 1000)),
  };
  send(
    res,
    200,
    { allowed: true, status: 200, tenantId: record.tenantId, keyId: record.keyId, cost, headers },
    headers,
  );
}

createServer((req, res) => {
  if (req.method === "GET") return send(res, 200, { ok: true }); // readiness probe
  check(req, res).catch(() => send(res, 503, { error: { code: "SERVICE_UNAVAILABLE" } }));
}).listen(Number(process.env.PORT), "127.0.0.1");
