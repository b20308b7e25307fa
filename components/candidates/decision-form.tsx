"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  candidateId: string;
  /** The latest screening the page showed ("" when none): the decision is refused if there is a newer one. */
  screeningId: string;
  outcomes: { value: string; label: string; hint: string }[];
};

/** People decide, with a recorded rationale; nothing here rejects anyone automatically. */
export function DecisionForm<T>({ action, candidateId, screeningId, outcomes }: Props<T>) {
  const { state, formAction, formRef, errors, values } = useFormAction(action);
  return (
    <form ref={formRef} action={formAction} className="space-y-3" aria-label="Record a decision" noValidate>
      <FormMessage state={state} success="Decision recorded." />
      <input type="hidden" name="candidateId" value={candidateId} />
      <input type="hidden" name="screeningId" value={screeningId} />
      <fieldset aria-describedby={errors?.outcome ? "decision-outcome-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-2 space-y-1">
          {outcomes.map((o) => (
            <label key={o.value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="outcome" value={o.value} defaultChecked={values.outcome === o.value} className="mt-1" />
              <span>
                <span className="font-medium">{o.label}</span>
                <span className="block text-xs text-slate-500">{o.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <p id="decision-outcome-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.outcome?.join(" ")}
        </p>
      </fieldset>
      <div>
        <label htmlFor="decision-rationale" className="block text-sm font-medium text-slate-800">
          Rationale
        </label>
        <textarea
          id="decision-rationale"
          name="rationale"
          rows={3}
          key={values.rationale}
          defaultValue={values.rationale}
          aria-invalid={errors?.rationale ? true : undefined}
          aria-describedby="decision-rationale-error"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          placeholder="What you checked, what you found, and why this decision follows."
        />
        <p id="decision-rationale-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.rationale?.join(" ")}
        </p>
      </div>
      <SubmitButton pendingLabel="Recording…">Record decision</SubmitButton>
    </form>
  );
}
