// Benchmark baseline: node:http answering every request with a fixed JSON, nothing else. What
// one Node process and this load generator can do at all on this machine.
//   PORT=… tsx bench/bare-server.ts
import { createServer } from "node:http";

const BODY = JSON.stringify({ allowed: true, status: 200, code: null, cost: 1 });
const HEADERS = { "content-type": "application/json", "content-length": String(Buffer.byteLength(BODY)) };

createServer((req, res) => {
  req.resume(); // drain the POST body, as any server must
  res.writeHead(200, HEADERS);
  res.end(BODY);
}).listen(Number(process.env.PORT), "127.0.0.1");
