"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { SubmitButton } from "@/components/ui/submit-button";

type Props<T> = { keyId: string; label: string; action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> };

export function ApiKeyRevokeButton<T>({ keyId, label, action }: Props<T>) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="space-y-1"
      aria-label={`Revoke ${label}`}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke ${label}? Requests with it will be refused at once. This cannot be undone.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="keyId" value={keyId} />
      <SubmitButton variant="danger" pendingLabel="Revoking…">
        Revoke
      </SubmitButton>
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
