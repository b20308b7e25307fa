"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/errors";

type Props<T> = {
  rulesetVersionId: string;
  version: number;
  publishedVersion: number;
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
};

/** Publishing is asked for twice (the browser's confirmation): it changes every screening from now on. */
export function RulesetPublishButton<T>({ rulesetVersionId, version, publishedVersion, action }: Props<T>) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form
      action={formAction}
      aria-label={`Publish version ${version}`}
      className="space-y-2"
      onSubmit={(e) => {
        const question = `Publish version ${version}? It replaces version ${publishedVersion} for every screening from now on, and every active candidate is re-screened in the background.`;
        if (!window.confirm(question)) e.preventDefault();
      }}
    >
      <input type="hidden" name="rulesetVersionId" value={rulesetVersionId} />
      <SubmitButton pendingLabel="Publishing…">Publish version {version}</SubmitButton>
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
