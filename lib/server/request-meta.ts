import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "./audit/record-audit-event";

export function requestMetaFromHeaders(h: Headers): RequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

export async function getRequestMeta(): Promise<RequestMeta> {
  return requestMetaFromHeaders(await headers());
}
