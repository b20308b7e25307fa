import { NextResponse, type NextRequest } from "next/server";

// Convenience only: send visitors without a session cookie to sign-in. Authorization is enforced in lib/server
// on every action, route and page (a cookie here proves nothing).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  const returnTo = request.nextUrl.pathname + request.nextUrl.search;
  if (returnTo !== "/") url.searchParams.set("callbackUrl", returnTo);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, Auth.js and API routes (they answer 401 themselves), health and static files.
  matcher: ["/((?!sign-in|api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
