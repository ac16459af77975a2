import { isIP } from "node:net";
import type { CheckInput } from "./decide";
import { HttpError } from "./http-io";

const METHOD = /^[A-Z]{1,16}$/;

function field(name: string, reason: string): HttpError {
  return new HttpError("BAD_REQUEST", { field: name, message: `${name}: ${reason}` });
}

/** A missing field says so; a present but wrong one gets the reason. */
function invalid(b: Record<string, unknown>, name: string, reason: string): HttpError {
  return field(name, b[name] === undefined ? "is required" : reason);
}

/**
 * Validates a /v1/check body by hand: this runs on every request of the platform, and a schema
 * library costs more here than everything else the route does.
 */
export function parseCheckInput(body: unknown): CheckInput {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw field("body", "must be a JSON object");
  const b = body as Record<string, unknown>;
  if (typeof b.key !== "string" || b.key.length > 200)
    throw invalid(b, "key", "must be the client's API key, a string of at most 200 characters");
  if (typeof b.ip !== "string" || b.ip.length > 45 || isIP(b.ip) === 0)
    throw invalid(b, "ip", "must be the client's IPv4 or IPv6 address");
  if (typeof b.method !== "string" || !METHOD.test(b.method))
    throw invalid(b, "method", "must be an upper-case HTTP method");
  if (typeof b.path !== "string" || !b.path.startsWith("/") || b.path.length > 2048) {
    throw invalid(b, "path", "must start with / and be at most 2048 characters");
  }
  if (b.origin != null && (typeof b.origin !== "string" || b.origin.length > 512))
    throw field("origin", "must be a string of at most 512 characters");
  if (b.challengeToken != null && typeof b.challengeToken !== "string")
    throw field("challengeToken", "must be a string");
  return {
    key: b.key,
    ip: b.ip,
    method: b.method,
    path: b.path,
    origin: (b.origin as string | undefined) ?? null,
  };
}
