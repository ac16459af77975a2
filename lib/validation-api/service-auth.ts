import { timingSafeEqual } from "node:crypto";
import { hashKey, hasValidChecksum } from "@/lib/keys/key-format";
import type { PolicySource } from "@/lib/policy/policy-source";

export const SERVICE_TOKEN_PREFIX = "st_live_";
const FRESH_MS = 5_000;

/**
 * Verifies the platform services' bearer tokens. Tokens are looked up by their SHA-256 (never
 * stored in clear) and cached for a few seconds, so a revocation takes effect within 5 s.
 */
export class ServiceAuth {
  private readonly cache = new Map<string, { ok: boolean; at: number }>();

  constructor(private readonly source: PolicySource) {}

  async verify(token: string | null): Promise<boolean> {
    if (!token) return false;
    // Keyed by the token itself: a service sends the same one on every request, so the checksum
    // and hash are computed once per FRESH_MS, not per request.
    const cached = this.cache.get(token);
    const now = Date.now();
    if (cached && now - cached.at < FRESH_MS) return cached.ok;
    if (!hasValidChecksum(token, SERVICE_TOKEN_PREFIX)) return false;
    const hash = hashKey(token);
    let ok: boolean;
    try {
      ok = (await this.source.getServiceToken(hash)) !== null;
    } catch {
      // Store unreachable: keep the last known answer, and remember nothing new.
      return cached?.ok ?? false;
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(token, { ok, at: now });
    return ok;
  }
}

/** Constant-time comparison of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
