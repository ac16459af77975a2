import type { LimiterStore } from "@/lib/limiter/types";
import { invalidKeyLog } from "@/lib/policy/redis-keys";
import { type Decision, refusal } from "./decision";

/** Failed key attempts allowed per source IP per minute, platform-wide. */
export const INVALID_KEYS_PER_MINUTE = 30;

/**
 * Counts a failed key attempt against its source IP: 401 while under the limit, 429 after, so
 * guessing keys from one address is slowed to a crawl. Never fails open into more guesses: when
 * the counter is unreachable the attempt is simply refused with 401.
 */
export async function checkInvalidKeyAttempt(store: LimiterStore, ip: string | null): Promise<Decision> {
  const spec = {
    name: "invalid_key" as const,
    key: invalidKeyLog(ip ?? "unknown"),
    windowMs: 60_000,
    max: INVALID_KEYS_PER_MINUTE,
    cost: 1,
  };
  let result: Awaited<ReturnType<LimiterStore["check"]>>;
  try {
    result = await store.check([spec]);
  } catch {
    return refusal("INVALID_KEY");
  }
  if (result.allowed) return refusal("INVALID_KEY");
  const retryAfter = Math.max(1, Math.ceil((result.retryAt - result.now) / 1000));
  return refusal("RATE_LIMIT_EXCEEDED", {
    retryAfter,
    headers: { "Retry-After": String(retryAfter) },
    error: {
      message: `Too many invalid API keys from this address. Retry after ${retryAfter} s.`,
      retry_after: retryAfter,
      limit: "invalid_key",
    },
  });
}
