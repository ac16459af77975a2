import { createServer } from "node:net";

export type Listen = { host: string; port: number };

/**
 * Fails when a port a service needs is taken. Checked before spawning, because otherwise
 * the readiness probe could get its 200 from whatever already listens there (say, another
 * `npm start`) and report a server that is about to crash as up.
 */
export async function assertPortsFree(listens: Listen[]): Promise<void> {
  for (const { host, port } of listens) {
    if (!(await canListen(host, port))) {
      throw new Error(`port ${port} on ${host} is already in use (another Sluice running?)`);
    }
  }
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
