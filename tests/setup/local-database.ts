// Tests create and drop databases, so they must never be pointed at a shared server.
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function assertLocalDatabaseUrl(url: string): void {
  const parsed = new URL(url);
  // postgresql:///db?host=/run/postgresql is a unix socket, which is local too.
  const socket = parsed.hostname === "" && (parsed.searchParams.get("host") ?? "").startsWith("/");
  if (!socket && !LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to use non-local database host "${parsed.hostname}" in tests`);
  }
}
