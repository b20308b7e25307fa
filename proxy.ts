import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security-headers";

// Runs before every page (not API routes, static files or server-action posts; see `config`):
// 1. A Content-Security-Policy with a fresh nonce. Next reads the policy from the request headers and puts the nonce
//    on its own scripts (pages render dynamically for that: app/layout.tsx).
// 2. Convenience only: visitors without a session cookie go to sign-in. Authorization is enforced in lib/server on
//    every action, route and page (a cookie here proves nothing).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });

  const isPublic = request.nextUrl.pathname === "/sign-in" || request.nextUrl.pathname.startsWith("/sign-in/");
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    const returnTo = request.nextUrl.pathname + request.nextUrl.search;
    if (returnTo !== "/") url.searchParams.set("callbackUrl", returnTo);
    return NextResponse.redirect(url);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Every page, the sign-in page included; not API routes (they answer 401 themselves and get a non-document
      // policy from next.config.ts), static files or the image optimiser.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)",
      // Server-action posts are not pages: running the proxy on them would only copy their bodies in memory.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
