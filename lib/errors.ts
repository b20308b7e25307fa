// Expected errors carry a code and a message meant for the user. Anything else is unexpected: it is logged on the
// server and the user sees a generic message (never a database error's text).

export const APP_ERROR_CODES = {
  UNAUTHENTICATED: "Please sign in to continue.",
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: "We couldn't find that.",
  VALIDATION: "Please correct the highlighted fields.",
  CONFLICT: "That conflicts with existing data.",
  RATE_LIMITED: "Too many attempts. Please wait a moment and try again.",
  UNAVAILABLE: "The service is temporarily unavailable. Please try again.",
  PAYLOAD_TOO_LARGE: "That is more data than this form or endpoint accepts.",
  UNSUPPORTED_MEDIA_TYPE: "Send the request body in a format this endpoint accepts.",
  UNPROCESSABLE: "That request can't be processed as sent.",
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** For RATE_LIMITED and UNAVAILABLE: when to try again (sent as the HTTP Retry-After header). */
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message?: string, options?: { fieldErrors?: FieldErrors; cause?: unknown; retryAfterSeconds?: number }) {
    super(message ?? APP_ERROR_CODES[code], { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. It has been logged; please try again.";

/** The typed result every server action returns. `values` echoes the submitted draft so a form never loses it. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "INTERNAL"; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export const HTTP_STATUS: Record<AppErrorCode | "INTERNAL", number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  INTERNAL: 500,
};
