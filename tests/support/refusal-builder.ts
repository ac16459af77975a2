import { refusal } from "@/lib/validation-api/decision";

/**
 * A rate-limit refusal ending at `until`, as decide() builds it at `at`: every field that counts
 * the seconds to wait says the same number. For the unit tests of the refusal templates.
 */
export const refusalUntil = (until: number) => (at: number) => {
  const seconds = Math.max(1, Math.ceil((until - at) / 1000));
  return refusal("RATE_LIMIT_EXCEEDED", {
    tenantId: "t1",
    keyId: "k1",
    retryAfter: seconds,
    headers: { "Retry-After": String(seconds), RateLimit: `"key_minute";r=0;t=${seconds}` },
    error: { message: `Retry after ${seconds} s.`, retry_after: seconds },
  });
};
