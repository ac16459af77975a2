/**
 * How many parent domains a wildcard lookup tries, counted from the top: a wildcard covers a
 * registered domain, so these are the ones that matter; a host of 100 labels costs no more.
 */
const MAX_WILDCARD_PARENTS = 16;

/**
 * The stored whitelist entries that could admit a normalized origin: the origin itself and
 * `scheme://*.<parent>[:port]` for each parent domain that a wildcard may cover. A tenant whose
 * list holds one of these (as `ruleToString` writes it) allows the origin, and no other entry
 * can: the property tests hold this against `createOriginMatcher`.
 */
export function originIndexEntries(origin: string): string[] {
  const url = new URL(origin);
  const port = url.port ? `:${url.port}` : "";
  const labels = url.hostname.split(".");
  const entries = [origin];
  // A wildcard's domain has at least two labels ("*.com" is refused), and the origin's host one more.
  const first = Math.max(1, labels.length - 1 - MAX_WILDCARD_PARENTS);
  for (let i = first; i <= labels.length - 2; i++) {
    entries.push(`${url.protocol}//*.${labels.slice(i).join(".")}${port}`);
  }
  return entries;
}
