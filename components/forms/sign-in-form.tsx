"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Props<T> = { action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>; callbackUrl?: string };

export function SignInForm<T>({ action, callbackUrl }: Props<T>) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField key={state && !state.ok ? state.values?.email : "email"} name="email" label="Email" type="email" autoComplete="username" required autoFocus defaultValue={state && !state.ok ? state.values?.email : undefined} errors={errors?.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={errors?.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
