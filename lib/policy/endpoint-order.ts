import type { EndpointPolicy } from "./policy.types";

/** 0: an exact path, 1: with `:param` segments, 2: with a `*` wildcard. */
function patternKind(pattern: string): number {
  if (pattern.includes("*")) return 2;
  return /(^|\/):/.test(pattern) ? 1 : 0;
}

function segmentCount(pattern: string): number {
  return pattern.split("/").filter(Boolean).length;
}

/**
 * Orders rules most specific first, so the validation API can take the first match: exact
 * paths before `:param` patterns before wildcards, then more segments (and characters) before
 * fewer, then a named method before "*". Ties are broken by text, so the order is stable.
 */
export function compareEndpoints(a: EndpointPolicy, b: EndpointPolicy): number {
  return (
    patternKind(a.pattern) - patternKind(b.pattern) ||
    segmentCount(b.pattern) - segmentCount(a.pattern) ||
    b.pattern.length - a.pattern.length ||
    Number(a.method === "*") - Number(b.method === "*") ||
    a.pattern.localeCompare(b.pattern) ||
    a.method.localeCompare(b.method)
  );
}
