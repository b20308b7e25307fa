// Security headers, in one place: the Content-Security-Policy for pages (with a fresh nonce per request, set by
// proxy.ts) and the static headers every response gets (next.config.ts). Pure, so both can import it.

/**
 * A strict policy for HTML pages. Scripts run only with this request's nonce ('strict-dynamic' lets Next's own
 * runtime load its chunks); nothing may frame the app (clickjacking); forms post only here; no plugins, no <base>.
 * Styles allow inline: React renders `style` attributes (charts, progress bars), which nonces cannot cover — the
 * script policy is what stops injected code.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Next's dev server evaluates code for its error overlay; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers for every response, pages and API alike (HSTS is added by our server on HTTPS: scripts/server.mjs). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Older browsers that don't read CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** For responses that are not HTML pages (API, files): nothing may be loaded or framed from them. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'";
