import { createServer } from "node:net";

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

/**
 * A random loopback port in 20000–40000 that is free, along with `port + offset` for every
 * offset in `alsoFree`. Random, not sequential, so parallel runs rarely collide; the well-known
 * 7000–7002 of hand-started clusters are never picked.
 */
export async function freeLoopbackPort(
  options: { alsoFree?: number[]; exclude?: number[] } = {},
): Promise<number> {
  const { alsoFree = [], exclude = [] } = options;
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 20_001);
    if (exclude.includes(port)) continue;
    const wanted = [port, ...alsoFree.map((offset) => port + offset)];
    if (wanted.some((p) => exclude.includes(p))) continue;
    if ((await Promise.all(wanted.map(isFree))).every(Boolean)) return port;
  }
  throw new Error("No free loopback port found in 20000-40000");
}
