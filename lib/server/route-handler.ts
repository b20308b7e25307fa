import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, GENERIC_ERROR_MESSAGE, HTTP_STATUS, isAppError, type AppErrorCode } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { unsafeTextFieldErrors } from "@/lib/schemas/text-safety";
import type { RequestMeta } from "./audit/record-audit-event";
import { fieldErrorsOf } from "./action-client";
import { authenticateApiKey } from "./api-keys/authenticate-api-key";
import { assertPermission, requireActor, type Actor } from "./auth/session";
import { isDatabaseUnavailable } from "./db/errors";
import { assertApiRateLimit } from "./rate-limit/api-rate-limit";
import { requestMetaFromHeaders } from "./request-meta";

export type RouteContext = { actor: Actor; meta: RequestMeta; request: Request; params: Record<string, string | string[]> };

/** JSON bodies of the API: 1 MB (a full profile with a 200,000-character résumé is well under it). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Seconds a client should wait before retrying when the database is unreachable (a restart takes a few). */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export function jsonError(code: AppErrorCode | "INTERNAL", message: string, fieldErrors?: Record<string, string[]>, retryAfterSeconds?: number) {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  // RFC 6750: a 401 names the scheme the client should use.
  if (code === "UNAUTHENTICATED") headers["www-authenticate"] = 'Bearer realm="api"';
  if (retryAfterSeconds !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return NextResponse.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status: HTTP_STATUS[code], headers });
}

/**
 * The request body as bytes, refusing more than `maxBytes` (413) without reading past the limit: the declared
 * Content-Length is checked first, and the stream is cancelled as soon as it delivers more.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${formatBytes(maxBytes)}.`);
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** True when the request says its body is JSON (`application/json`, any parameters, or a `+json` type). */
function isJsonContentType(value: string | null): boolean {
  const type = (value ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Parses a JSON body with a zod schema. Refuses a body that is not declared as JSON (415: a cross-site form can only
 * send text/plain, urlencoded or multipart), larger than `maxBytes` (413), not UTF-8 or not JSON (400), or with text
 * PostgreSQL cannot store (NUL, lone surrogates; 400 naming the field); then a VALIDATION error names each field path.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {}): Promise<z.output<S>> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with `Content-Type: application/json`.");
  }
  const bytes = await readBodyBytes(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new RouteValidationError({ _body: ["The request body must be valid JSON in UTF-8"] });
  }
  const unsafe = unsafeTextFieldErrors(body);
  if (unsafe) throw new RouteValidationError(unsafe);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RouteValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Throws the same 400 as an invalid body, for an invalid header or query parameter (`field` names it). */
export function throwFieldError(field: string, message: string): never {
  throw new RouteValidationError({ [field]: [message] });
}

class RouteValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("Validation failed");
  }
}

type Authenticated = { actor: Actor };

/**
 * The caller: an API key when the request carries `Authorization: Bearer <key>`, otherwise the session. A request
 * that sends a key is judged by that key alone (a bad key is a 401 even with a session cookie), and the session is
 * only read when there is no Authorization header but a cookie — so key-authenticated calls need no Next request
 * context.
 */
async function authenticateRequest(request: Request): Promise<Authenticated> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    // Sessions live in a cookie: without one there is nothing to read (and no need for Next's request context).
    if (!request.headers.get("cookie")) throw new AppError("UNAUTHENTICATED");
    return { actor: await requireActor() };
  }
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization);
  if (!match) throw new AppError("UNAUTHENTICATED", "Send the API key as `Authorization: Bearer <key>`.");
  const actor = await authenticateApiKey(match[1]);
  if (!actor) throw new AppError("UNAUTHENTICATED", "The API key is invalid, expired or has been revoked.");
  return { actor };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a browser sends the session cookie with a request from any page, including another site's (or another port
 * of this host). A state-changing request authenticated by the cookie must come from one of our own pages: the
 * browser says so in `Sec-Fetch-Site: same-origin`, or, where it doesn't send that, in an `Origin` equal to ours.
 * API-key calls carry no ambient credential and are not affected.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin") return;
    throw new AppError("FORBIDDEN", "Cross-site request refused: use the app's own pages, or an API key.");
  }
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== "null" && origin === ownOrigin(request)) return;
  throw new AppError("FORBIDDEN", "Cross-site request refused: use the app's own pages, or an API key.");
}

/** The origin this request was addressed to, as the browser saw it (Host header; the proxy's when behind one). */
function ownOrigin(request: Request): string | null {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return null;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

/**
 * Route handlers get the same checks as server actions: API key or session → CSRF (cookie callers) → rate limit
 * (per key / per user) → permission → handler, typed JSON errors (401 no or bad credentials, 403 missing permission or cross-site, 400 with `fieldErrors`
 * by dotted path, 404, 409, 413, 415, 422, 429 and 503 with Retry-After).
 */
export function withRoute(
  config: { name: string; permission: Permission },
  handler: (ctx: RouteContext) => Promise<Response>,
) {
  return async function route(request: Request, context: { params: Promise<Record<string, string | string[]>> }) {
    try {
      // Before anything reads the session: a cross-site request riding on the cookie is refused outright.
      if (request.headers.get("authorization") === null && request.headers.get("cookie") && !SAFE_METHODS.has(request.method.toUpperCase())) {
        assertSameOrigin(request);
      }
      const { actor } = await authenticateRequest(request);
      assertApiRateLimit(actor);
      assertPermission(actor, config.permission);
      const params = context?.params ? await context.params : {};
      return await handler({ actor, meta: { ...requestMetaFromHeaders(request.headers), credential: actor.credential ?? null }, request, params });
    } catch (error) {
      return routeErrorResponse(config.name, error);
    }
  };
}

/** The JSON error for anything a route handler threw (expected errors as they are; the rest logged, generic). */
export function routeErrorResponse(name: string, error: unknown): Response {
  if (error instanceof RouteValidationError) return jsonError("VALIDATION", "Validation failed", error.fieldErrors);
  if (isAppError(error)) return jsonError(error.code, error.message, error.fieldErrors, error.retryAfterSeconds);
  if (isDatabaseUnavailable(error)) {
    console.error(`[route ${name}] database unavailable:`, error instanceof Error ? error.message : error);
    return jsonError("UNAVAILABLE", "The database is unavailable. Please try again in a few seconds.", undefined, UNAVAILABLE_RETRY_AFTER_SECONDS);
  }
  console.error(`[route ${name}] unexpected error`, error);
  return jsonError("INTERNAL", GENERIC_ERROR_MESSAGE);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}
