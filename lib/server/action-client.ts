import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { APP_ERROR_CODES, GENERIC_ERROR_MESSAGE, isAppError, type ActionResult } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { unsafeTextFieldErrors } from "@/lib/schemas/text-safety";
import type { RequestMeta } from "./audit/record-audit-event";
import { assertPermission, requireActor, type Actor } from "./auth/session";
import { isDatabaseUnavailable } from "./db/errors";
import { getRequestMeta } from "./request-meta";

export type ActionContext<I, A = Actor> = { actor: A; input: I; meta: RequestMeta };

type ActionConfig<S extends z.ZodType, R> = {
  /** Used in logs. */
  name: string;
  /** "public" only for signing in: every other action needs a session and this permission. */
  permission: Permission | "public";
  schema: S;
  /** Paths to revalidate after success. */
  revalidate?: string[] | ((data: R) => string[]);
  /** Where to go after success (outside the try block, as Next requires). */
  redirectTo?: (data: R) => string;
};

/** Form fields as plain strings; React's internal `$ACTION_*` fields are dropped. */
export function formDataToRecord(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

/**
 * The one wrapper every server action is built from: session → permission → zod parse → use case → typed result.
 * Expected errors (AppError) reach the user with their code; anything else is logged and shown generically.
 * Works with `useActionState` (prevState, formData) and with a plain object payload.
 */
export function createAction<S extends z.ZodType, R, P extends Permission | "public">(
  config: ActionConfig<S, R> & { permission: P },
  handler: (ctx: ActionContext<z.output<S>, P extends "public" ? null : Actor>) => Promise<R>,
) {
  return async function action(_prev: ActionResult<R> | null, payload: FormData | z.input<S>): Promise<ActionResult<R>> {
    const isForm = payload instanceof FormData;
    const values = isForm ? formDataToRecord(payload) : undefined;
    let result: ActionResult<R>;
    try {
      let actor: Actor | null = null;
      if (config.permission !== "public") {
        actor = await requireActor();
        assertPermission(actor, config.permission);
      }
      // Text the database can't store (NUL, lone surrogates) is the user's field error, never a failed write.
      const unsafe = unsafeTextFieldErrors(isForm ? values : payload);
      if (unsafe) {
        return { ok: false, code: "VALIDATION", message: APP_ERROR_CODES.VALIDATION, fieldErrors: unsafe, values: withoutSecrets(values) };
      }
      const parsed = config.schema.safeParse(isForm ? values : payload);
      if (!parsed.success) {
        return {
          ok: false,
          code: "VALIDATION",
          message: APP_ERROR_CODES.VALIDATION,
          fieldErrors: fieldErrorsOf(parsed.error),
          values: withoutSecrets(values),
        };
      }
      const meta = { ...(await getRequestMeta()), credential: actor?.credential ?? null };
      const data = await handler({ actor: actor as P extends "public" ? null : Actor, input: parsed.data, meta });
      result = { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) {
        // A refused caller gets the refusal only; a permitted one gets their draft back to correct it.
        const refused = config.permission !== "public" && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN");
        return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, values: refused ? undefined : withoutSecrets(values) };
      }
      if (isDatabaseUnavailable(error)) {
        console.error(`[action ${config.name}] database unavailable:`, error instanceof Error ? error.message : error);
        return { ok: false, code: "UNAVAILABLE", message: "The database is unavailable right now. Nothing was saved; please try again in a few seconds.", values: withoutSecrets(values) };
      }
      console.error(`[action ${config.name}] unexpected error`, error);
      return { ok: false, code: "INTERNAL", message: GENERIC_ERROR_MESSAGE, values: withoutSecrets(values) };
    }
    const paths = typeof config.revalidate === "function" ? config.revalidate(result.data) : (config.revalidate ?? []);
    for (const p of paths) revalidatePath(p);
    if (config.redirectTo) redirect(config.redirectTo(result.data));
    return result;
  };
}

/** zod 4 field errors keyed by dotted path (nested fields included), messages deduplicated. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    const list = (out[key] ??= []);
    // zod's wording for a missing value ("Invalid input: expected string, received undefined") is for developers.
    const message = issue.code === "invalid_type" && /received undefined$/.test(issue.message) ? "This field is required" : issue.message;
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

function withoutSecrets(values: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  const copy = { ...values };
  for (const key of Object.keys(copy)) if (/password|secret|token/i.test(key)) delete copy[key];
  return copy;
}
