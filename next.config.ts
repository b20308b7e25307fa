import type { NextConfig } from "next";
import { NON_DOCUMENT_CSP, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Native/driver packages stay outside the bundle and are required at run time. unpdf (pdf.js for résumé text,
  // ADR 0004) too: a 1.6 MB prebuilt file that resolves its own modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "maxmind", "pg-boss", "unpdf"],
  poweredByHeader: false,
  // No gzip in Node: it cost ~1 ms of the event loop per API response under load (docs/benchmarks.md). Compression
  // belongs to the reverse proxy in front of a deployment; on a LAN or loopback it buys nothing.
  compress: false,
  // Type errors are caught by `npm run typecheck` (part of `npm test`); skipping the duplicate check halves build time.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a signed-in user lacks a permission.
  // Server actions accept 2 MB bodies: the largest is a stage form with up to 200,000 characters of résumé text
  // (≤ 600 KB as UTF-8) in its JSON payload. File uploads are route handlers that stream (app/api/imports,
  // app/api/admin/sanctions, app/api/resume-text), each with its own limits (lib/schemas/upload-limits.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  // Every response: nosniff, no framing, referrer policy… (docs/security.md). Pages get their nonce-based CSP from
  // proxy.ts; API responses and files a policy that allows nothing.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_DOCUMENT_CSP }] },
    ];
  },
};

export default nextConfig;
