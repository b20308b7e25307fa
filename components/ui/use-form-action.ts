"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/errors";

/**
 * The state every action form needs: the action's result, field errors, the draft the server echoed back after a
 * failure (so nothing typed is lost), and a ref that clears the form after a success.
 */
export function useFormAction<T>(action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const failed = state && !state.ok ? state : null;
  return { state, formAction, pending, formRef, errors: failed?.fieldErrors, values: failed?.values ?? {} };
}
