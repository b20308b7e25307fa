import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, GENERIC_ERROR_MESSAGE, HTTP_STATUS, isAppError, type AppErrorCode } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import type { RequestMeta } from "./audit/record-audit-event";
import { fieldErrorsOf } from "./action-client";
import { authenticateApiKey } from "./api-keys/authenticate-api-key";
import { assertPermission, requireActor, type Actor } from "./auth/session";
import { requestMetaFromHeaders } from "./request-meta";

export type RouteContext = { actor: Actor; meta: RequestMeta; request: Request; params: Record<string, string | string[]> };

export function jsonError(code: AppErrorCode | "INTERNAL", message: string, fieldErrors?: Record<string, string[]>) {
  // RFC 6750: a 401 names the scheme the client should use.
  const headers = code === "UNAUTHENTICATED" ? { "www-authenticate": 'Bearer realm="api"' } : undefined;
  return NextResponse.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status: HTTP_STATUS[code], headers });
}

/** Parses a JSON body with a zod schema, throwing a VALIDATION error that names each field path. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new RouteValidationError({ _body: ["The request body must be valid JSON"] });
  }
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

/**
 * The caller: an API key when the request carries `Authorization: Bearer <key>`, otherwise the session. A request
 * that sends a key is judged by that key alone (a bad key is a 401 even with a session cookie), and the session is
 * only read when there is no Authorization header but a cookie — so key-authenticated calls need no Next request
 * context.
 */
async function authenticateRequest(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    // Sessions live in a cookie: without one there is nothing to read (and no need for Next's request context).
    if (!request.headers.get("cookie")) throw new AppError("UNAUTHENTICATED");
    return requireActor();
  }
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization);
  if (!match) throw new AppError("UNAUTHENTICATED", "Send the API key as `Authorization: Bearer <key>`.");
  const actor = await authenticateApiKey(match[1]);
  if (!actor) throw new AppError("UNAUTHENTICATED", "The API key is invalid or has been revoked.");
  return actor;
}

/**
 * Route handlers get the same checks as server actions: API key or session → permission → handler, typed JSON
 * errors (401 no or bad credentials, 403 missing permission, 400 with `fieldErrors` by dotted path, 404, 409…).
 */
export function withRoute(
  config: { name: string; permission: Permission },
  handler: (ctx: RouteContext) => Promise<Response>,
) {
  return async function route(request: Request, context: { params: Promise<Record<string, string | string[]>> }) {
    try {
      const actor = await authenticateRequest(request);
      assertPermission(actor, config.permission);
      const params = context?.params ? await context.params : {};
      return await handler({ actor, meta: requestMetaFromHeaders(request.headers), request, params });
    } catch (error) {
      if (error instanceof RouteValidationError) return jsonError("VALIDATION", "Validation failed", error.fieldErrors);
      if (isAppError(error)) return jsonError(error.code, error.message, error.fieldErrors);
      console.error(`[route ${config.name}] unexpected error`, error);
      return jsonError("INTERNAL", GENERIC_ERROR_MESSAGE);
    }
  };
}
