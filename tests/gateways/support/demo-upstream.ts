import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders };

export type DemoUpstream = {
  port: number;
  /** Every request that reached the app, in order: refused ones must never show up here. */
  seen: SeenRequest[];
  stop(): Promise<void>;
};

/** The protected app: answers every request 200 with a small JSON echo of what it received. */
export async function startDemoUpstream(): Promise<DemoUpstream> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
      seen.push(request);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, method: request.method, url: request.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
