import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { line } from "./log";
import type { Listen } from "./ports";

/** A long-running child of `npm start`. */
export type ServiceSpec = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Polled until it answers 200; without it the service counts as ready once spawned. */
  readyUrl?: string;
  /** Polled until it accepts TCP connections (servers that speak no HTTP, like Redis). */
  readyPort?: Listen;
  /** Where it will listen: checked to be free before it is spawned. */
  listens?: Listen[];
};

type Child = { name: string; proc: ChildProcess; exited: Promise<void>; oneShot: boolean };

const STOP_TIMEOUT_MS = 10_000;
// A terminal Ctrl-C signals the whole process group at once: give our own SIGINT handler
// time to run before a child's exit is taken for a crash.
const CRASH_GRACE_MS = 300;

/**
 * Owns every child process: prefixes their output with their name, reports a long-running
 * child that exits on its own, and stops them all, newest first.
 */
export class Supervisor {
  private children: Child[] = [];
  private stopping = false;

  constructor(private readonly onCrash: (name: string, how: string) => void) {}

  /** Starts a long-running service; a later exit that `stopAll()` did not ask for is a crash. */
  start(spec: ServiceSpec): ChildProcess {
    const child = this.spawnChild(spec.name, spec.command, spec.args, spec.env, false);
    child.proc.once("exit", (code, signal) => {
      setTimeout(() => {
        if (!this.stopping) this.onCrash(spec.name, describeExit(code, signal));
      }, CRASH_GRACE_MS);
    });
    return child.proc;
  }

  /** Runs a command to completion (migrations, build); rejects unless it exits 0. */
  run(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
    const { proc } = this.spawnChild(name, command, args, env, true);
    return new Promise((resolve, reject) => {
      proc.once("error", reject);
      proc.once("exit", (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`${name} ${describeExit(code, signal)}`)),
      );
    });
  }

  /** Stops every child still running, newest first: the web before maildev, and so on. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const child of [...this.children].reverse()) {
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) continue;
      line(`▸ stopping ${child.name}…`);
      child.proc.kill("SIGTERM");
      const timer = setTimeout(() => child.proc.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await child.exited;
      clearTimeout(timer);
    }
  }

  /** Last resort when this process exits without `stopAll()`: no child outlives it. */
  killAllNow(): void {
    for (const child of this.children) if (child.proc.exitCode === null) child.proc.kill("SIGKILL");
  }

  private spawnChild(
    name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv | undefined,
    oneShot: boolean,
  ): Child {
    const proc = spawn(command, args, { env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const prefix = `${name.padEnd(8)}│ `;
    for (const [source, sink] of [
      [proc.stdout, process.stdout],
      [proc.stderr, process.stderr],
    ] as const) {
      // Blank lines only pad the interleaved output of several children: drop them.
      const print = (text: string) => text.trim() && line(prefix + text, sink);
      if (source) createInterface({ input: source }).on("line", print);
    }
    const exited = new Promise<void>((resolve) => proc.once("close", () => resolve()));
    proc.once("error", (error) => line(`${prefix}failed to start: ${error.message}`, process.stderr));
    const child: Child = { name, proc, exited, oneShot };
    this.children.push(child);
    exited.then(() => {
      if (oneShot) this.children = this.children.filter((c) => c !== child);
    });
    return child;
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}
