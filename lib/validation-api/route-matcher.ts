import type { EndpointPolicy } from "@/lib/policy/policy.types";

type CompiledRule = { rule: EndpointPolicy; method: string; test: (path: string) => boolean };

/** Turns "/v1/items/:id" and "/v1/reports/*" into tests; ":x" is one segment, "*" any rest. */
export function compilePattern(pattern: string): (path: string) => boolean {
  if (!pattern.includes(":") && !pattern.includes("*")) return (path) => path === pattern;
  const source = pattern
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) return "[^/]+";
      return segment.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path);
}

/** The first rule (policies list them most specific first) that matches method and path. */
export function createRouteMatcher(rules: EndpointPolicy[]) {
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    method: rule.method,
    test: compilePattern(rule.pattern),
  }));
  return (method: string, path: string): EndpointPolicy | null => {
    for (const c of compiled) {
      if ((c.method === "*" || c.method === method) && c.test(path)) return c.rule;
    }
    return null;
  };
}

/** The path without query string or fragment, never empty. */
export function normalizePath(uri: string): string {
  const end = uri.search(/[?#]/);
  const path = end === -1 ? uri : uri.slice(0, end);
  return path.startsWith("/") ? path : `/${path}`;
}
