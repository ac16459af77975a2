import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createOriginMatcher } from "./origin-matcher";
import { parseOriginRule } from "./origin-rules";

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);

describe("CORS whitelist entries", () => {
  it.each([
    ["https://app.example.com/", "no path"],
    ["https://app.example.com/path", "no path"],
    ["*", "lone"],
    ["null", "null"],
    ["app.example.com", "Start with http"],
    ["ftp://files.example.com", "Only http and https"],
    ["javascript://x", "Only http and https"],
    ["https://*.com", "registered domain"],
    ["https://app.*.example.com", "first label"],
    ["https://*.*.example.com", "wildcard"],
  ])("refuses %s with a clear message", (entry, message) => {
    const parsed = parseOriginRule(entry);
    expect("error" in parsed && parsed.error).toMatch(new RegExp(message, "i"));
  });

  it("normalizes case, default ports and unicode hosts", () => {
    expect(parseOriginRule("HTTPS://App.Example.COM:443")).toEqual({
      rule: { kind: "exact", origin: "https://app.example.com" },
    });
    expect(parseOriginRule("https://bücher.example")).toEqual({
      rule: { kind: "exact", origin: "https://xn--bcher-kva.example" },
    });
    expect(parseOriginRule("https://*.Example.com")).toEqual({
      rule: { kind: "wildcard", scheme: "https:", suffix: ".example.com", port: "" },
    });
  });
});

describe("CORS origin matching", () => {
  const allows = createOriginMatcher([
    "https://app.example.com",
    "https://*.partner.io",
    "http://localhost:5173",
  ]);

  it("echoes allowed origins and refuses the rest", () => {
    expect(allows("https://app.example.com")).toBe("https://app.example.com");
    expect(allows("https://APP.example.com:443")).toBe("https://app.example.com");
    expect(allows("https://eu.partner.io")).toBe("https://eu.partner.io");
    expect(allows("https://a.b.partner.io")).toBe("https://a.b.partner.io");
    expect(allows("http://localhost:5173")).toBe("http://localhost:5173");
    for (const origin of [
      "https://partner.io",
      "http://app.example.com",
      "https://app.example.com:8443",
      "https://app.example.com.evil.com",
      "https://evilapp.example.com",
      "https://app.example.com@evil.com",
      "https://app.example.com/",
      "null",
      "",
      "https://eu.partner.io.evil.com",
      "https://evilpartner.io",
      "http://localhost:5174",
      "https://аpp.example.com", // Cyrillic "а"
    ]) {
      expect(allows(origin), origin).toBeNull();
    }
  });

  it("property: an exact entry admits only itself, whatever is appended, prefixed or changed", () => {
    fc.assert(
      fc.property(label, label, fc.constantFrom("http", "https"), (sub, domain, scheme) => {
        const origin = `${scheme}://${sub}.${domain}.com`;
        const match = createOriginMatcher([origin]);
        expect(match(origin)).toBe(origin);
        expect(match(origin.toUpperCase().replace(/^HTTPS?/, scheme))).toBe(origin);
        expect(match(`${origin}.evil.com`)).toBeNull();
        expect(match(`${scheme}://x${sub}.${domain}.com`)).toBeNull();
        expect(match(`${scheme === "https" ? "http" : "https"}://${sub}.${domain}.com`)).toBeNull();
        expect(match(`${origin}:8${sub.length}81`)).toBeNull();
        expect(match(`${origin}/`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("property: a wildcard admits subdomains of its domain only, never the apex or look-alikes", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), label, label, (subs, domain, other) => {
        fc.pre(other !== domain);
        const match = createOriginMatcher([`https://*.${domain}.com`]);
        const host = `${subs.join(".")}.${domain}.com`;
        expect(match(`https://${host}`)).toBe(`https://${host}`);
        expect(match(`https://${domain}.com`)).toBeNull();
        expect(match(`http://${host}`)).toBeNull();
        expect(match(`https://${host}.${other}.com`)).toBeNull();
        expect(match(`https://${subs.join(".")}${domain}.com`)).toBeNull();
        expect(match(`https://${subs.join(".")}.${other}${domain}.com`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("property: arbitrary unicode strings are never admitted unless equal to an entry", () => {
    const match = createOriginMatcher(["https://app.example.com", "https://*.example.org"]);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (junk) => {
        const result = match(junk);
        if (result !== null)
          expect(["https://app.example.com"].includes(result) || result.endsWith(".example.org")).toBe(true);
        const prefixed = match(`https://app.example.com${junk}`);
        if (prefixed !== null) expect(prefixed).toBe("https://app.example.com");
      }),
      { numRuns: 500 },
    );
  });
});
