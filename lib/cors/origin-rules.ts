import { z } from "zod";

/**
 * CORS whitelist entries: an exact origin `scheme://host[:port]`, or every subdomain of a domain
 * `https://*.example.com[:port]`. Stored normalized: lower case, IDN hosts in punycode, default
 * ports dropped, so matching is a plain comparison.
 */
export type OriginRule =
  | { kind: "exact"; origin: string }
  | { kind: "wildcard"; scheme: string; suffix: string; port: string };

const SCHEMES = new Set(["http:", "https:"]);
/** scheme://host[:port] and nothing else: no path, query, fragment, user info or spaces. */
const ORIGIN_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\@\s]+$/i;

/** Parses a browser origin; null for anything that is not exactly scheme://host[:port]. */
export function normalizeOrigin(value: string): string | null {
  if (!ORIGIN_SHAPE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!SCHEMES.has(url.protocol) || !url.hostname) return null;
  return url.origin;
}

/** Why an entry is refused, or its normalized rule. */
export function parseOriginRule(input: string): { rule: OriginRule } | { error: string } {
  const value = input.trim();
  if (value === "*") return { error: "A lone * would allow every site: list the origins instead" };
  if (value.toLowerCase() === "null")
    return { error: '"null" origins come from sandboxed pages and files: not allowed' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return { error: "Start with http:// or https://, e.g. https://app.example.com" };
  if (scheme !== "http" && scheme !== "https")
    return { error: "Only http and https origins can make browser requests" };
  const rest = value.slice(scheme.length + 3);
  if (/[/?#]/.test(rest)) return { error: "An origin has no path: use scheme://host[:port] only" };
  if (rest.startsWith("*.")) {
    const probe = normalizeOrigin(`${scheme}://wildcard-probe.${rest.slice(2)}`);
    if (!probe || rest.slice(2).includes("*")) return { error: "Use a wildcard like https://*.example.com" };
    const url = new URL(probe);
    const suffix = url.hostname.slice("wildcard-probe".length);
    if (!suffix.slice(1).includes("."))
      return { error: "A wildcard must cover a registered domain, e.g. *.example.com" };
    return { rule: { kind: "wildcard", scheme: url.protocol, suffix, port: url.port } };
  }
  if (rest.includes("*")) return { error: "A wildcard may only be the first label: https://*.example.com" };
  const origin = normalizeOrigin(value);
  if (!origin) return { error: "Not a valid origin: use scheme://host[:port], e.g. https://app.example.com" };
  return { rule: { kind: "exact", origin } };
}

/** The stored form of a rule (what the list shows and the policy carries). */
export function ruleToString(rule: OriginRule): string {
  if (rule.kind === "exact") return rule.origin;
  return `${rule.scheme}//*${rule.suffix}${rule.port ? `:${rule.port}` : ""}`;
}

export const originEntryField = z
  .string()
  .trim()
  .min(1, "Enter an origin")
  .max(253, "Too long")
  .transform((value, ctx) => {
    const parsed = parseOriginRule(value);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return ruleToString(parsed.rule);
  });
