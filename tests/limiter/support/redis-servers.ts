// Throwaway redis-server processes for tests: a private standalone node (safe to SCRIPT FLUSH,
// unlike the shared 127.0.0.1:6379) and a 3-master cluster, on random free loopback ports.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { freeLoopbackPort } from "./free-port";

const run = promisify(execFile);

export type RedisServers = { ports: number[]; stop(): Promise<void> };

const cli = async (port: number, ...args: string[]) =>
  (await run("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args])).stdout;

async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

function startServer(port: number, dir: string, extraArgs: string[]): ChildProcess {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
      ...extraArgs,
    ],
    { stdio: "ignore" },
  );
  child.on("error", () => {}); // reported by the readiness wait instead
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function startServers(count: number, extraArgs: (port: number) => string[]): Promise<RedisServers> {
  const dir = await mkdtemp(join(tmpdir(), "sluice-redis-"));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    process.off("exit", killAll);
    await Promise.all(children.map(stopServer));
    await rm(dir, { recursive: true, force: true });
  };
  // If the test process dies without running stop(), take the servers along.
  const killAll = () => {
    for (const child of children) child.kill("SIGKILL");
  };
  process.on("exit", killAll);
  try {
    for (let i = 0; i < count; i++) {
      // A cluster node also listens on port + 10000 (the cluster bus): keep both free.
      const port = await freeLoopbackPort({
        alsoFree: [10_000],
        exclude: ports.flatMap((p) => [p, p + 10_000]),
      });
      ports.push(port);
      children.push(startServer(port, dir, extraArgs(port)));
    }
    await Promise.all(
      ports.map((port) =>
        waitFor(`redis-server :${port}`, async () => (await cli(port, "ping")).includes("PONG")),
      ),
    );
    return { ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One standalone node. */
export function startStandaloneRedis(): Promise<RedisServers> {
  return startServers(1, () => []);
}

/** Three masters, no replicas, every slot assigned; resolves once all nodes agree it is ok. */
export async function startRedisCluster(masters = 3): Promise<RedisServers> {
  const servers = await startServers(masters, (port) => [
    "--cluster-enabled",
    "yes",
    "--cluster-config-file",
    `nodes-${port}.conf`,
    "--cluster-node-timeout",
    "5000",
  ]);
  try {
    const addresses = servers.ports.map((port) => `127.0.0.1:${port}`);
    await run("redis-cli", ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"]);
    for (const port of servers.ports) {
      await waitFor(`cluster_state:ok on :${port}`, async () =>
        (await cli(port, "cluster", "info")).includes("cluster_state:ok"),
      );
    }
    return servers;
  } catch (error) {
    await servers.stop();
    throw error;
  }
}
