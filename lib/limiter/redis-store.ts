import { randomBytes } from "node:crypto";
import { type Evaluation, NUMBERS_PER_SPEC, toCheckResult } from "./check-result";
import { CLEAR_LOGS_SCRIPT } from "./clear-logs.lua";
import { defineScript, type RedisClient, runScript, type ScriptClient } from "./script-runner";
import { SLIDING_WINDOW_SCRIPT } from "./sliding-window.lua";
import { assertSharedHashTag, groupSpecsByKey } from "./spec-groups";
import type { CheckResult, LimiterStore, LimitSpec } from "./types";

const slidingWindow = defineScript(SLIDING_WINDOW_SCRIPT);
const clearLogs = defineScript(CLEAR_LOGS_SCRIPT);

export const SLIDING_WINDOW_SHA1 = slidingWindow.sha1;
export const CLEAR_LOGS_SHA1 = clearLogs.sha1;

// Unit members must be unique across processes: a random prefix per process plus a counter.
const PROCESS_ID = randomBytes(6).toString("base64url");
let checks = 0;
const nextRequestId = () => PROCESS_ID + (checks++).toString(36);

export type RedisLimiterStoreOptions = {
  /** Quit the client on close(). Off by default: whoever created the client closes it. */
  quitOnClose?: boolean;
  /** Runs the checks' script instead of the client (the validation API's ScriptPipe). */
  checkClient?: ScriptClient;
};

/** The shared limiter: every check is one EVALSHA on the node owning the tenant's slot. */
export class RedisLimiterStore implements LimiterStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisLimiterStoreOptions = {},
  ) {}

  check(specs: LimitSpec[]): Promise<CheckResult> {
    return this.evaluate(specs, true);
  }

  peek(specs: LimitSpec[]): Promise<CheckResult> {
    return this.evaluate(specs, false);
  }

  async clear(keys: string[]): Promise<number> {
    const distinct = [...new Set(keys)];
    if (distinct.length === 0) return 0;
    assertSharedHashTag(distinct);
    const units = await runScript(this.redis, clearLogs, distinct, []);
    if (typeof units !== "number") {
      throw new Error(`Unexpected reply from the clear script: ${String(units)}`);
    }
    return units;
  }

  async close(): Promise<void> {
    if (this.options.quitOnClose) await this.redis.quit();
  }

  private async evaluate(specs: LimitSpec[], consume: boolean): Promise<CheckResult> {
    const { groups, keys, tail } = planOf(specs);
    const args: (string | number)[] = [consume ? 1 : 0, consume ? nextRequestId() : "", ...tail];
    const client = (consume && this.options.checkClient) || this.redis;
    const reply = await runScript(client, slidingWindow, keys, args);
    return toCheckResult(specs, groups, parseEvaluation(reply, specs.length), consume);
  }
}

type Plan = { groups: ReturnType<typeof groupSpecsByKey>; keys: string[]; tail: number[] };
// Callers reuse spec arrays for identical checks (the validation API caches them): validating,
// grouping and laying out the arguments once per array saves work on every request.
const plans = new WeakMap<LimitSpec[], Plan>();

function planOf(specs: LimitSpec[]): Plan {
  let plan = plans.get(specs);
  if (!plan) {
    const groups = groupSpecsByKey(specs);
    const keys: string[] = [];
    const tail: number[] = [];
    for (const group of groups) {
      keys.push(group.key);
      tail.push(group.cost, group.longestWindowMs, group.specIndexes.length);
      for (const index of group.specIndexes) {
        const spec = specs[index] as LimitSpec;
        tail.push(spec.windowMs, spec.max);
      }
    }
    plan = { groups, keys, tail };
    plans.set(specs, plan);
  }
  return plan;
}

function parseEvaluation(reply: unknown, specCount: number): Evaluation {
  const expected = 4 + NUMBERS_PER_SPEC * specCount;
  if (!Array.isArray(reply) || reply.length !== expected || !reply.every((n) => typeof n === "number")) {
    throw new Error(`Unexpected reply from the limiter script (wanted ${expected} integers)`);
  }
  const numbers = reply as number[];
  return {
    allowed: numbers[0] === 1,
    now: numbers[1] as number,
    retryAt: numbers[2] as number,
    binding: numbers[3] as number,
    perSpec: numbers.slice(4),
  };
}
