import { type NextRequest, NextResponse } from "next/server";

// Cookie names next-auth v5 uses for the session (plain and __Secure- on https).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PROTECTED = ["/t/", "/tenants", "/operator"];

/**
 * Gives every request an id (echoed as x-request-id and stored in audit events) and sends
 * visitors without a session to the login page. A convenience only: every action and
 * handler checks the session again by itself.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id")?.slice(0, 128) || crypto.randomUUID();
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.some((prefix) => pathname.startsWith(prefix))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    response.headers.set("x-request-id", requestId);
    return response;
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
