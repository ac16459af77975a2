import { clearInterval, setInterval } from "node:timers";
import {
  closestToRefusal,
  type Evaluation,
  NOT_LOOKED_UP,
  NUMBERS_PER_SPEC,
  specAtPosition,
  toCheckResult,
} from "./check-result";
import { assertSharedHashTag, groupSpecsByKey, type KeyGroup } from "./spec-groups";
import { TimestampLog } from "./timestamp-log";
import type { CheckResult, LimiterStore, LimitSpec } from "./types";

export type MemoryLimiterStoreOptions = {
  /** Epoch ms; Date.now by default. The store never lets its clock go back. */
  clock?: () => number;
  /** How often dead logs are swept; 0 turns the timer off (call sweep() yourself). */
  sweepIntervalMs?: number;
  /** Logs examined per sweep, so one sweep never stalls the event loop on a huge map. */
  sweepBudget?: number;
};

/** Stands in for a missing log: never written to. */
const EMPTY_LOG = new TimestampLog();

/**
 * The same limiter in process: embedded mode without Redis, and the fail-open insurance limiter.
 * Mirrors sliding-window.lua step for step; a check is synchronous, hence atomic.
 */
export class MemoryLimiterStore implements LimiterStore {
  private readonly logs = new Map<string, TimestampLog>();
  private readonly clock: () => number;
  private readonly sweepBudget: number;
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  private sweepCursor: ReturnType<Map<string, TimestampLog>["entries"]> | undefined;
  private lastNow = 0;

  constructor(options: MemoryLimiterStoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.sweepBudget = options.sweepBudget ?? 5_000;
    const interval = options.sweepIntervalMs ?? 1_000;
    // unref: the sweep must never keep a process alive.
    this.timer = interval > 0 ? setInterval(() => this.sweep(), interval).unref() : undefined;
  }

  /** Logs held, including dead ones not swept yet. */
  get size(): number {
    return this.logs.size;
  }

  async check(specs: LimitSpec[]): Promise<CheckResult> {
    return this.evaluate(specs, true);
  }

  async peek(specs: LimitSpec[]): Promise<CheckResult> {
    return this.evaluate(specs, false);
  }

  async clear(keys: string[]): Promise<number> {
    const distinct = [...new Set(keys)];
    assertSharedHashTag(distinct);
    const now = this.tick();
    let units = 0;
    for (const key of distinct) {
      units += this.liveLog(key, now)?.size ?? 0;
      this.logs.delete(key);
    }
    return units;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.logs.clear();
  }

  /** Deletes dead logs among the next `budget` ones, resuming where the last sweep stopped. */
  sweep(budget = this.sweepBudget): number {
    const now = this.tick();
    let removed = 0;
    for (let seen = 0; seen < budget; seen++) {
      this.sweepCursor ??= this.logs.entries();
      const next = this.sweepCursor.next();
      if (next.done) {
        this.sweepCursor = undefined;
        break;
      }
      const [key, log] = next.value;
      if (log.expiresAt <= now) {
        this.logs.delete(key);
        removed++;
      }
    }
    return removed;
  }

  private evaluate(specs: LimitSpec[], consume: boolean): CheckResult {
    const groups = groupSpecsByKey(specs);
    const evaluation: Evaluation = { allowed: true, now: this.tick(), retryAt: 0, binding: 0, perSpec: [] };
    for (const group of groups) this.evaluateGroup(specs, group, consume, evaluation);
    if (evaluation.allowed && consume) {
      // Like the script: the oldest unit's exit of the binding spec only.
      evaluation.binding = closestToRefusal(specs, groups, evaluation.perSpec, {
        refusedOnly: false,
        consumed: true,
      });
      this.lookUpExit(specs, groups, evaluation);
      for (const group of groups) if (group.cost > 0) this.append(group, evaluation.now);
    }
    return toCheckResult(specs, groups, evaluation, consume);
  }

  private lookUpExit(specs: LimitSpec[], groups: KeyGroup[], evaluation: Evaluation): void {
    const offset = (evaluation.binding - 1) * NUMBERS_PER_SPEC;
    if (evaluation.perSpec[offset + 1] !== NOT_LOOKED_UP) return;
    const { group, index } = specAtPosition(groups, evaluation.binding);
    const log = this.liveLog(group.key, evaluation.now) ?? EMPTY_LOG;
    const count = evaluation.perSpec[offset] as number;
    evaluation.perSpec[offset + 1] = log.at(log.size - count) + (specs[index] as LimitSpec).windowMs;
  }

  private evaluateGroup(specs: LimitSpec[], group: KeyGroup, consume: boolean, evaluation: Evaluation): void {
    const { now } = evaluation;
    const { cost, longestWindowMs } = group;
    const log = this.liveLog(group.key, now) ?? EMPTY_LOG;
    // Only a check trims: a peek may carry a subset of the key's specs and drop live units.
    if (consume && log !== EMPTY_LOG) {
      log.dropThrough(now - longestWindowMs);
      if (log.size === 0) this.logs.delete(group.key);
    }
    const held = log.size;
    for (const index of group.specIndexes) {
      const { windowMs, max } = specs[index] as LimitSpec;
      const count =
        held > 0 && (windowMs < longestWindowMs || !consume) ? log.countAfter(now - windowMs) : held;
      // The units in this window are the newest `count` ones; a check looks up one exit, later.
      const exit = count === 0 ? 0 : consume ? NOT_LOOKED_UP : log.at(held - count) + windowMs;
      let retryAt = 0;
      if (cost > 0 && count + cost > max) {
        evaluation.allowed = false;
        // cost > max: never admitted in this window; else the (count + cost - max)-th oldest must leave.
        retryAt = cost > max ? now + windowMs : log.at(held + cost - max - 1) + windowMs;
        if (retryAt > evaluation.retryAt) evaluation.retryAt = retryAt;
      }
      evaluation.perSpec.push(count, exit, retryAt);
    }
  }

  private append(group: KeyGroup, now: number): void {
    let log = this.logs.get(group.key);
    if (!log) {
      log = new TimestampLog();
      this.logs.set(group.key, log);
    }
    log.append(now, group.cost);
    log.expiresAt = now + group.longestWindowMs;
  }

  /** The log at `key` unless it expired (deleted then, as Redis expires a key). */
  private liveLog(key: string, now: number): TimestampLog | undefined {
    const log = this.logs.get(key);
    if (log && log.expiresAt <= now) {
      this.logs.delete(key);
      return undefined;
    }
    return log;
  }

  private tick(): number {
    const now = Math.max(this.clock(), this.lastNow);
    this.lastNow = now;
    return now;
  }
}
