import type { LimitSpec, LimitState } from "@/lib/limiter/types";

export type BindingLimit = { name: string; limit: number; remaining: number; reset: number; window: string };

export function policyHeaderOf(specs: LimitSpec[]): string {
  return specs.map((s) => `"${s.name}";q=${s.max};w=${Math.round(s.windowMs / 1000)}`).join(", ");
}

export const windowLabel = (windowMs: number) => `sliding_${Math.round(windowMs / 1000)}s`;

/**
 * X-RateLimit-*, the IETF draft-10 RateLimit and RateLimit-Policy fields, the 80 % Warning and,
 * when refused, Retry-After in whole seconds (never 0).
 */
export function rateLimitHeaders(
  specs: LimitSpec[],
  binding: LimitState,
  now: number,
  retryAt: number,
  /** The RateLimit-Policy value of these specs, when already known. */
  policyHeader: string = policyHeaderOf(specs),
): { headers: Record<string, string>; limit: BindingLimit; retryAfter: number | null } {
  const remaining = Math.max(0, binding.max - binding.used);
  // A refusal resets when the request fits again; an admitted check always looks up its binding's reset.
  const resetAt = retryAt || (binding.resetAt ?? now);
  const reset = Math.ceil(resetAt / 1000);
  const secondsToReset = Math.max(0, Math.ceil((resetAt - now) / 1000));
  const window = windowLabel(binding.windowMs);
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(binding.max),
    "X-RateLimit-Remaining": String(remaining),
    "X-RateLimit-Reset": String(reset),
    "X-RateLimit-Window": window,
    "RateLimit-Policy": policyHeader,
    RateLimit: `"${binding.name}";r=${remaining};t=${secondsToReset}`,
  };
  const consumed = binding.max === 0 ? 100 : Math.floor((binding.used / binding.max) * 100);
  if (consumed >= 80) headers.Warning = `299 - "Rate Limit" "${Math.min(consumed, 100)}% of quota consumed"`;
  let retryAfter: number | null = null;
  if (retryAt) {
    retryAfter = Math.max(1, Math.ceil((retryAt - now) / 1000));
    headers["Retry-After"] = String(retryAfter);
  }
  return { headers, limit: { name: binding.name, limit: binding.max, remaining, reset, window }, retryAfter };
}
