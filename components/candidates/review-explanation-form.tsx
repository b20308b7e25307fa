"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/errors";

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  explanationId: string;
};

/** Accept or reject someone else's explanation, saying why. Accepting suppresses the flag from the next screening on. */
export function ReviewExplanationForm<T>({ action, explanationId }: Props<T>) {
  const { state, formAction, formRef, errors, values } = useFormAction(action);
  const id = explanationId.slice(0, 8);
  return (
    <form ref={formRef} action={formAction} className="mt-3 space-y-2 border-t border-slate-100 pt-3" aria-label="Review this explanation" noValidate>
      {/* A success redirects to the candidate page, which says what happened; errors are shown here. */}
      <FormMessage state={state} />
      <input type="hidden" name="explanationId" value={explanationId} />
      <fieldset aria-describedby={errors?.outcome ? `review-${id}-outcome-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Your review</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="outcome" value="ACCEPTED" defaultChecked={values.outcome === "ACCEPTED"} />
            Accept: the flag no longer counts for this finding
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="outcome" value="REJECTED" defaultChecked={values.outcome === "REJECTED"} />
            Reject: the flag keeps counting
          </label>
        </div>
        <p id={`review-${id}-outcome-error`} aria-live="polite" className="text-sm text-red-700">
          {errors?.outcome?.join(" ")}
        </p>
      </fieldset>
      <div>
        <label htmlFor={`review-${id}-note`} className="block text-sm font-medium text-slate-800">
          Why
        </label>
        <textarea
          id={`review-${id}-note`}
          name="note"
          rows={2}
          key={values.note}
          defaultValue={values.note}
          aria-invalid={errors?.note ? true : undefined}
          aria-describedby={`review-${id}-note-error`}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          placeholder="What you checked in the evidence."
        />
        <p id={`review-${id}-note-error`} aria-live="polite" className="text-sm text-red-700">
          {errors?.note?.join(" ")}
        </p>
      </div>
      <SubmitButton pendingLabel="Recording…">Record review</SubmitButton>
    </form>
  );
}
