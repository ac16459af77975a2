import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { lastForwardedFor } from "@/lib/http/forwarded-for";

/** Who is asking and from where: what every audit event records. */
export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string };
export type RequestIdentity = { userId: string | null; meta: RequestMeta };

const explicit = new AsyncLocalStorage<RequestIdentity>();

/**
 * Runs `fn` as if it were a request from `identity`. For scripts (seed, start) and tests that
 * call actions outside Next; inside Next every request resolves its identity from the session.
 */
export function runAsRequest<T>(identity: RequestIdentity, fn: () => Promise<T>): Promise<T> {
  return explicit.run(identity, fn);
}

export function explicitRequest(): RequestIdentity | undefined {
  return explicit.getStore();
}

/** The client's address is the one the proxy in front of the web app saw. */
export function metaFromHeaders(h: Headers): RequestMeta {
  return {
    ip: lastForwardedFor(h.get("x-forwarded-for")) || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent"),
    requestId: h.get("x-request-id") || randomUUID(),
  };
}

export function systemMeta(requestId: string = randomUUID()): RequestMeta {
  return { ip: null, userAgent: "sluice-system", requestId };
}
