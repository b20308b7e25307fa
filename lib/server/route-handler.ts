import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { GENERIC_ERROR_MESSAGE, HTTP_STATUS, isAppError, type AppErrorCode } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import type { RequestMeta } from "./audit/record-audit-event";
import { assertPermission, requireActor, type Actor } from "./auth/session";
import { fieldErrorsOf } from "./action-client";
import { requestMetaFromHeaders } from "./request-meta";

export type RouteContext = { actor: Actor; meta: RequestMeta; request: Request; params: Record<string, string | string[]> };

export function jsonError(code: AppErrorCode | "INTERNAL", message: string, fieldErrors?: Record<string, string[]>) {
  return NextResponse.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status: HTTP_STATUS[code] });
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

class RouteValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("Validation failed");
  }
}

/** Route handlers get the same checks as server actions: session → permission → handler, typed JSON errors. */
export function withRoute(
  config: { name: string; permission: Permission },
  handler: (ctx: RouteContext) => Promise<Response>,
) {
  return async function route(request: Request, context: { params: Promise<Record<string, string | string[]>> }) {
    try {
      const actor = await requireActor();
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
