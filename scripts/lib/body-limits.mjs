// How many bytes a request body may have, by route: enforced by our HTTP server (scripts/server.mjs) from the
// Content-Length header before anything reads the body, so an oversized request costs nothing. Each route checks its
// own limit again while reading (route handlers: readBodyBytes / the multipart reader; server actions: Next's
// serverActions.bodySizeLimit), which also covers bodies sent without a Content-Length.

const KB = 1024;
const MB = 1024 * KB;

/** Ordered: the first rule whose test matches wins. `bytes` is the most a body may have on that route. */
export const BODY_LIMITS = [
  // Signing in is public: a few KB is plenty for an email and a password (plus the action's framing).
  { name: "sign-in", bytes: 16 * KB, test: (path) => path === "/sign-in" || path.startsWith("/api/auth/") },
  // Uploads, as documented: CSV import 20 MB, the OFAC files 3 × 50 MB, a résumé 5 MB (plus multipart framing).
  { name: "csv-upload", bytes: 20 * MB + 64 * KB, test: (path) => path === "/api/imports" },
  { name: "sanctions-upload", bytes: 150 * MB + 64 * KB, test: (path) => path === "/api/admin/sanctions" },
  { name: "resume-upload", bytes: 5 * MB + 64 * KB, test: (path) => path === "/api/resume-text" },
  // The ATS API and the admin API: JSON, 1 MB (route-handler.ts MAX_JSON_BODY_BYTES).
  { name: "api", bytes: 1 * MB, test: (path) => path.startsWith("/api/") },
  // Server actions (forms): 2 MB, as serverActions.bodySizeLimit in next.config.ts.
  { name: "form", bytes: 2 * MB, test: () => true },
];

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The verdict for one request: null when it may go on, otherwise the HTTP status and a message.
 * @param {string} method
 * @param {string} path the URL path (no query)
 * @param {string | undefined} contentLength the Content-Length header
 * @param {boolean} chunked whether the body is sent with Transfer-Encoding (no length known in advance)
 */
export function checkBodyLimit(method, path, contentLength, chunked) {
  if (!METHODS_WITH_BODY.has(method.toUpperCase())) return null;
  const rule = BODY_LIMITS.find((r) => r.test(path));
  if (contentLength === undefined) {
    // Browsers always say how long a form post is; only the public sign-in insists (a stream of unknown length there
    // would be read by Next before any of our checks). Elsewhere the route's own reader stops at its limit.
    if (chunked && rule.name === "sign-in") return { status: 411, message: "A Content-Length header is required." };
    return null;
  }
  const length = Number(contentLength);
  if (!Number.isFinite(length) || length < 0) return { status: 400, message: "The Content-Length header is invalid." };
  if (length > rule.bytes) return { status: 413, message: `The request body is larger than this endpoint accepts (${formatBytes(rule.bytes)}).`, limit: rule.name };
  return null;
}

function formatBytes(n) {
  return n >= MB ? `${Math.floor(n / MB)} MB` : `${Math.floor(n / KB)} KB`;
}
