import { randomBytes } from "node:crypto";
import { setImmediate, setTimeout as sleep } from "node:timers/promises";
import type { CheckResult, LimitName, LimitSpec } from "@/lib/limiter/types";

/** Keys under a random hash tag, one space per test, so tests never see each other's logs. */
export class KeySpace {
  readonly tag = `lt-${randomBytes(6).toString("hex")}`;
  private readonly used = new Set<string>();

  key(name: string): string {
    const key = `{${this.tag}}:${name}`;
    this.used.add(key);
    return key;
  }

  get keys(): string[] {
    return [...this.used];
  }
}

export const spec = (name: LimitName, key: string, windowMs: number, max: number, cost = 1): LimitSpec => ({
  name,
  key,
  windowMs,
  max,
  cost,
});

export const countAllowed = (results: CheckResult[]) => results.filter((r) => r.allowed).length;

/** Sleeps until the wall clock (the clock of both Redis TIME and Date.now) reaches `epochMs`. */
export async function sleepUntil(epochMs: number): Promise<void> {
  for (let left = epochMs - Date.now(); left > 0; left = epochMs - Date.now()) await sleep(left);
}

/** Sleeps at least `ms`, and barely more: timers may fire up to 1 ms early or late, so spin the end. */
export async function sleepAtLeast(ms: number): Promise<void> {
  const end = performance.now() + ms;
  if (ms > 2) await sleep(ms - 2);
  while (performance.now() < end) await setImmediate();
}

/** The most timestamps that fall in one half-open interval [t, t + windowMs). */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && (sorted[end] as number) < (sorted[start] as number) + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}
