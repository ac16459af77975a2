/**
 * The last entry of an X-Forwarded-For header: the address the proxy next to us appended. Earlier
 * entries are whatever the client (or proxies further out) wrote, so a client can forge them.
 */
export function lastForwardedFor(header: string | null | undefined): string | null {
  if (!header) return null;
  return header.slice(header.lastIndexOf(",") + 1).trim() || null;
}
