import type { ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `url` until it answers 200. Gives up when `timeoutMs` passes or when `proc` (the
 * process that should be serving it) exits first, so a crashed server fails fast.
 */
export async function waitForHttpOk(url: string, proc: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s (last: ${last})`);
}

/** Polls until `host:port` accepts a TCP connection; fails like `waitForHttpOk`. */
export async function waitForTcp(
  { host, port }: { host: string; port: number },
  proc: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null)
      throw new Error(`exited before ${host}:${port} accepted connections`);
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (accepted) return;
    await sleep(100);
  }
  throw new Error(`${host}:${port} did not accept connections within ${timeoutMs / 1000}s`);
}
