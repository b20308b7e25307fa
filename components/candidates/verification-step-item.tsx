"use client";

import { useActionState, useId } from "react";
import type { ActionResult } from "@/lib/errors";
import { SubmitButton } from "@/components/ui/submit-button";

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  candidateId: string;
  step: { id: string; text: string };
  done: { outcome: string; at: string; by?: string | null; note?: string | null } | null;
  canRecord: boolean;
  idempotencyKey: string;
  /** The candidate's version (`updatedAt`) the page showed: recording over a newer one is refused. */
  version: string;
};

const OUTCOME_LABEL: Record<string, string> = { passed: "Passed", failed: "Failed", inconclusive: "Inconclusive" };

/** A recommended step as a checklist item: marking it done with an outcome adds evidence and screens again. */
export function VerificationStepItem<T>({ action, candidateId, step, done, canRecord, idempotencyKey, version }: Props<T>) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  // React resets the form after every submit: a refused one gets the draft back from the server's echo.
  const draft = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid={`step-${step.id}`}>
      <div className="flex items-start gap-2">
        <span aria-hidden="true" className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded border text-[10px] ${done ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-400"}`}>
          {done ? "✓" : ""}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm">{step.text}</p>
          {done ? (
            <p className="mt-1 text-xs text-slate-600">
              Done: <span className="font-medium">{OUTCOME_LABEL[done.outcome] ?? done.outcome}</span> · {done.at.slice(0, 10)}
              {done.by ? ` · ${done.by}` : ""}
              {done.note ? ` — ${done.note}` : ""}
            </p>
          ) : null}
          {canRecord ? (
            <form action={formAction} className="mt-2 flex flex-wrap items-end gap-2">
              <input type="hidden" name="candidateId" value={candidateId} />
              <input type="hidden" name="stepId" value={step.id} />
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              <input type="hidden" name="version" value={version} />
              <div>
                <label htmlFor={`${id}-o`} className="block text-xs text-slate-600">
                  Outcome
                </label>
                <select key={`o-${draft.outcome ?? ""}`} id={`${id}-o`} name="outcome" defaultValue={draft.outcome ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
                  <option value="">Choose…</option>
                  <option value="passed">Passed</option>
                  <option value="failed">Failed</option>
                  <option value="inconclusive">Inconclusive</option>
                </select>
              </div>
              <div className="min-w-40 flex-1">
                <label htmlFor={`${id}-n`} className="block text-xs text-slate-600">
                  Note
                </label>
                <input key={`n-${draft.note ?? ""}`} id={`${id}-n`} name="note" defaultValue={draft.note ?? ""} className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm" placeholder="What you did and saw" />
              </div>
              <SubmitButton variant="secondary" pendingLabel="Screening…">
                {done ? "Record again" : "Mark done"}
              </SubmitButton>
            </form>
          ) : null}
          <div aria-live="polite">
            {state && !state.ok ? <p className="mt-1 text-sm text-red-700">{[state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ")}</p> : null}
            {state?.ok ? <p className="mt-1 text-sm text-emerald-700">Recorded and screened again.</p> : null}
          </div>
        </div>
      </div>
    </li>
  );
}
