import { normalizeOrigin, type OriginRule, parseOriginRule } from "./origin-rules";

/** Compiles a tenant's stored entries into one test for incoming Origin headers. */
export function createOriginMatcher(entries: readonly string[]) {
  const exact = new Set<string>();
  const wildcards: Extract<OriginRule, { kind: "wildcard" }>[] = [];
  for (const entry of entries) {
    const parsed = parseOriginRule(entry);
    if ("error" in parsed) continue; // stored entries were validated; never widen on a bad one
    if (parsed.rule.kind === "exact") exact.add(parsed.rule.origin);
    else wildcards.push(parsed.rule);
  }
  /** The origin to echo back when allowed, else null. */
  return (originHeader: string): string | null => {
    const origin = normalizeOrigin(originHeader);
    if (!origin) return null;
    if (exact.has(origin)) return origin;
    if (wildcards.length === 0) return null;
    const url = new URL(origin);
    for (const w of wildcards) {
      // "*.example.com" covers a.example.com and a.b.example.com, never example.com itself.
      if (
        url.protocol === w.scheme &&
        url.port === w.port &&
        url.hostname.endsWith(w.suffix) &&
        url.hostname.length > w.suffix.length
      ) {
        return origin;
      }
    }
    return null;
  };
}
