"use client";

import { APP_ERROR_CODES, GENERIC_ERROR_MESSAGE, type ActionResult, type AppErrorCode } from "@/lib/errors";

export type UploadProgressValue = { loaded: number; total: number };

/**
 * Posts a form with a file to one of the upload routes (POST /api/imports, /api/admin/sanctions, /api/resume-text)
 * and answers like a server action, so the forms keep showing results and field errors the same way. It uses
 * XMLHttpRequest rather than fetch because only XHR reports upload progress. Same-origin, so the browser sends the
 * session cookie and `Sec-Fetch-Site: same-origin` (the routes refuse cross-site cookie requests).
 */
export function postUpload<T>(url: string, body: FormData, onProgress?: (progress: UploadProgressValue) => void): Promise<ActionResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => resolve(resultOf<T>(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ ok: false, code: "UNAVAILABLE", message: "The file couldn't be sent. Check the connection and try again." });
    xhr.onabort = () => resolve({ ok: false, code: "UNAVAILABLE", message: "The upload was stopped before it finished. Try again." });
    xhr.send(body);
  });
}

function resultOf<T>(status: number, text: string): ActionResult<T> {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): judged by the status alone below.
  }
  if (status >= 200 && status < 300 && body !== null) return { ok: true, data: body as T };
  const error = (body as { error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> } } | null)?.error;
  if (error?.code && error.message) return { ok: false, code: error.code as AppErrorCode | "INTERNAL", message: error.message, fieldErrors: error.fieldErrors };
  if (status === 413) return { ok: false, code: "PAYLOAD_TOO_LARGE", message: APP_ERROR_CODES.PAYLOAD_TOO_LARGE };
  return { ok: false, code: "INTERNAL", message: GENERIC_ERROR_MESSAGE };
}
