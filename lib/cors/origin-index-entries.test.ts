import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { originIndexEntries } from "./origin-index-entries";
import { createOriginMatcher } from "./origin-matcher";
import { normalizeOrigin, parseOriginRule, ruleToString } from "./origin-rules";

// A small alphabet, so that generated entries and origins often share labels (and look-alikes).
const label = fc.constantFrom("a", "app", "eu", "example", "evil", "com", "io", "xn--bcher-kva", "bücher");
const host = fc.array(label, { minLength: 1, maxLength: 6 }).map((labels) => labels.join("."));
const scheme = fc.constantFrom("http", "https", "HTTPS");
const port = fc.constantFrom("", ":443", ":80", ":8443");
const origin = fc.tuple(scheme, host, port).map(([s, h, p]) => `${s}://${h}${p}`);
const entry = fc.oneof(
  origin,
  fc
    .tuple(scheme, fc.array(label, { minLength: 2, maxLength: 4 }), port)
    .map(([s, labels, p]) => `${s}://*.${labels.join(".")}${p}`),
);

/** An origin near one of the entries: the entry itself, a subdomain of a wildcard, or a look-alike. */
const nearby = (entries: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...entries),
      label,
      fc.constantFrom("", "x", ".evil.com", ":8443", "UPPER", "http"),
    )
    .map(([e, sub, change]) => {
      const base = e.replace("*", sub);
      if (change === "UPPER") return base.toUpperCase();
      if (change === "http") return base.replace(/^https?/i, (m) => (m.length === 4 ? "https" : "http"));
      if (change === "x") return base.replace("://", "://x");
      return change.startsWith(":") && /:\d+$/.test(base) ? base : base + change;
    });
const listAndOrigin = fc
  .array(entry, { minLength: 1, maxLength: 6 })
  .chain((entries) => fc.tuple(fc.constant(entries), fc.oneof(origin, nearby(entries))));

/** What the stored list holds for these typed entries (the refused ones are never stored). */
function stored(entries: string[]): Set<string> {
  return new Set(
    entries.flatMap((e) => {
      const parsed = parseOriginRule(e);
      return "rule" in parsed ? [ruleToString(parsed.rule)] : [];
    }),
  );
}

describe("preflight origin index", () => {
  it("property: an origin's index entries meet a tenant's list exactly when the matcher allows it", () => {
    fc.assert(
      fc.property(listAndOrigin, ([entries, candidate]) => {
        const allowed = createOriginMatcher([...stored(entries)])(candidate) !== null;
        const normalized = normalizeOrigin(candidate);
        const list = stored(entries);
        const indexed = normalized !== null && originIndexEntries(normalized).some((e) => list.has(e));
        expect(indexed, `${candidate} against ${[...list].join(" ")}`).toBe(allowed);
      }),
      { numRuns: 2_000 },
    );
  });

  it("finds a wildcard at the top of a very deep host, and asks about a bounded number of entries", () => {
    const deep = `https://${"x.".repeat(60)}example.com`;
    const entries = originIndexEntries(deep);
    expect(entries).toContain("https://*.example.com");
    expect(entries.length).toBeLessThanOrEqual(17);
    expect(originIndexEntries("https://app.example.com:8443")).toEqual([
      "https://app.example.com:8443",
      "https://*.example.com:8443",
    ]);
    expect(originIndexEntries("http://[::1]:3000")).toEqual(["http://[::1]:3000"]);
  });
});

describe("the echoed origin", () => {
  it("property: is the canonical form of the request's origin, never a wildcard or a list entry", () => {
    fc.assert(
      fc.property(listAndOrigin, ([entries, candidate]) => {
        const echoed = createOriginMatcher(entries)(candidate);
        if (echoed === null) return;
        expect(echoed).toBe(normalizeOrigin(candidate));
        expect(echoed).not.toContain("*");
        expect(echoed).toBe(echoed.toLowerCase());
      }),
      { numRuns: 1_000 },
    );
  });
});
