import "server-only";
import { timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import type { RequestMeta } from "./audit/record-audit-event";

/**
 * The client's address as our HTTP server decided it (scripts/server.mjs: the TCP peer, or what a proxy listed in
 * TRUSTED_PROXIES forwarded), never X-Forwarded-For as a client sent it. The server vouches for the header with a
 * per-process token; without it (the app run some other way) the address is unknown rather than made up.
 */
export function clientIpFromHeaders(h: Headers): string | null {
  const token = process.env.HRS_SERVER_TOKEN;
  const presented = h.get("x-hrs-server-token");
  if (!token || !presented || !sameSecret(token, presented)) return null;
  return h.get("x-hrs-client-ip");
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requestMetaFromHeaders(h: Headers): RequestMeta {
  return { ip: clientIpFromHeaders(h), userAgent: h.get("user-agent") };
}

export async function getRequestMeta(): Promise<RequestMeta> {
  return requestMetaFromHeaders(await headers());
}
