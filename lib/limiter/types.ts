/**
 * The limiter contract shared by the Redis store, the in-process store and the validation API.
 *
 * Algorithm: an exact sliding-window log. Each consumed cost unit is one timestamped entry in a
 * log (a Redis sorted set); a limit admits a request when the units inside the last `windowMs`
 * plus the request's cost stay within `max`. Guarantee: no interval of length W ever holds more
 * than `max` units of that limit, under any concurrency and across processes (one atomic script
 * call per check), and a client pacing at or below max/W is never refused by it.
 */

/** Which limit of a policy a spec enforces; the reported, binding limit uses this name. */
export type LimitName =
  | "tenant"
  | "key_minute"
  | "key_hour"
  | "burst"
  | "endpoint"
  | "ip"
  | "invalid_key"
  | "login";

export type LimitSpec = {
  name: LimitName;
  /**
   * Store key of the log. Every key of one check carries the same `{tenant}` hash tag so the
   * check runs in one Redis Cluster slot. Specs may share a key (e.g. a key's minute, hour and
   * burst limits all read one log with different windows).
   */
  key: string;
  windowMs: number;
  /** Units allowed per window, already scaled by active multipliers. 0 refuses everything. */
  max: number;
  /** Units this request consumes on this limit (0–10). Specs sharing a key must share the cost. */
  cost: number;
};

export type LimitState = {
  name: LimitName;
  max: number;
  windowMs: number;
  /** Units in the window: after consuming when the check was admitted, before when refused. */
  used: number;
  /**
   * Epoch ms when the oldest unit in the window leaves it (now when the window is empty). Null
   * when not looked up: a check looks it up for its binding limit only, a peek for all.
   */
  resetAt: number | null;
  /** When this limit refused the request: epoch ms at which it has room for its cost again; else 0. */
  retryAt: number;
};

export type CheckResult = {
  allowed: boolean;
  /** One state per spec, in the order given. */
  states: LimitState[];
  /**
   * Index of the binding state, the one an answer reports: the limit closest to refusal (the
   * lowest share left; among equals the first in key-group order), a refusing one when refused.
   */
  binding: number;
  /** Names of the limits that refused (empty when allowed). */
  refusedBy: LimitName[];
  /**
   * When refused: epoch ms at which every refusing limit has room for this request's cost again
   * (a client retrying then is admitted, unless others consume first). 0 when allowed.
   */
  retryAt: number;
  /** The store's clock at the check (Redis TIME for Redis stores). */
  now: number;
};

export interface LimiterStore {
  /** Evaluates every spec and consumes all of them, or none: one atomic operation. */
  check(specs: LimitSpec[]): Promise<CheckResult>;
  /** The same evaluation without consuming anything (dashboards, simulator). */
  peek(specs: LimitSpec[]): Promise<CheckResult>;
  /** Deletes the logs at `keys` at once; returns how many units they held before. */
  clear(keys: string[]): Promise<number>;
  close(): Promise<void>;
}
