#!/usr/bin/env node
// The app's HTTP server: Next.js behind a thin layer of our own, which is the first thing every request meets.
//   - The client address: the TCP peer, or — only behind a proxy listed in TRUSTED_PROXIES — the address that proxy
//     forwarded (scripts/lib/client-address.mjs). X-Forwarded-* headers from anyone else are dropped, so audit rows,
//     sign-in throttling and the CSRF origin check never believe a header a client made up. The address reaches the
//     app as `x-hrs-client-ip`, vouched for by a per-process token (a header a client sends is never trusted).
//   - Body limits by route from Content-Length (scripts/lib/body-limits.mjs): a 60 MB post to the public sign-in is
//     refused before anything reads it.
//   - HSTS on HTTPS (TLS here, or a trusted proxy's X-Forwarded-Proto: https).
// Usage: node scripts/server.mjs [--dev] [--port N] [--hostname H]   (npm start runs it; see scripts/start.mjs)
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { checkBodyLimit } from "./lib/body-limits.mjs";
import { clientAddress, isTrusted, parseTrustedProxies } from "./lib/client-address.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const dev = args.includes("--dev");
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option("--port", process.env.PORT ?? 3000));
const hostname = option("--hostname", process.env.HOSTNAME_BIND ?? undefined);

process.env.NODE_ENV = dev ? "development" : "production";
// Proves to the app that a request's x-hrs-client-ip came from this layer (lib/server/request-meta.ts).
process.env.HRS_SERVER_TOKEN = randomBytes(24).toString("base64url");
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];
const OURS = ["x-hrs-client-ip", "x-hrs-server-token"];
const HSTS = "max-age=31536000; includeSubDomains";
/** How much of a refused body is read (and discarded) so the client gets its 413 rather than a reset connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

const { default: next } = await import("next");
const app = next({ dev, dir: ROOT, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const token = Buffer.from(process.env.HRS_SERVER_TOKEN);
/** Next forwards a server action posted to a page that doesn't own it to the right page, over HTTP to itself, with
 * the original request's headers — ours included. Such a request was already vetted here: leave it as it is. */
function isOwnForward(req) {
  const presented = req.headers["x-hrs-server-token"];
  if (typeof presented !== "string") return false;
  const given = Buffer.from(presented);
  return given.length === token.length && timingSafeEqual(given, token);
}

const server = createServer((req, res) => {
  const peer = req.socket.remoteAddress ?? null;
  const fromTrustedProxy = peer !== null && isTrusted(peer, trusted);
  if (!isOwnForward(req)) {
    for (const h of OURS) delete req.headers[h];
    if (!fromTrustedProxy) for (const h of FORWARDED_HEADERS) delete req.headers[h];
    const client = clientAddress(peer, req.headers["x-forwarded-for"], trusted);
    if (client) req.headers["x-hrs-client-ip"] = client;
    req.headers["x-hrs-server-token"] = process.env.HRS_SERVER_TOKEN;
  }

  const https = Boolean(req.socket.encrypted) || (fromTrustedProxy && String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https");
  if (https) res.setHeader("strict-transport-security", HSTS);

  const pathname = (req.url ?? "/").split("?")[0];
  const refused = checkBodyLimit(req.method ?? "GET", pathname, req.headers["content-length"], req.headers["transfer-encoding"] !== undefined);
  if (refused) {
    const code = refused.status === 413 ? "PAYLOAD_TOO_LARGE" : "VALIDATION";
    res.writeHead(refused.status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ error: { code, message: refused.message } }));
    // The answer is sent before a byte of the body is used. Most clients read it only once they have sent their
    // body, so the rest is read and thrown away (never kept) up to a bound — then the connection is cut.
    let drained = 0;
    req.on("data", (chunk) => {
      drained += chunk.length;
      if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
    });
    req.resume();
    return;
  }
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`[server] ${dev ? "development" : "production"} server on http://${hostname ?? "localhost"}:${port}${trusted.length ? ` (trusted proxies: ${process.env.TRUSTED_PROXIES})` : ""}`);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections?.();
    // Let requests in flight finish, then stop (npm start's parent escalates to SIGKILL after 10 s).
    const timer = setTimeout(() => process.exit(0), 5_000);
    timer.unref();
    Promise.resolve(app.close?.())
      .catch(() => {})
      .finally(() => process.exit(0));
  });
}
