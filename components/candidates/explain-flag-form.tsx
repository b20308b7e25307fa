"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/errors";

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  candidateId: string;
  /** The latest screening the page showed: an explanation is refused if the candidate was screened again since. */
  screeningId: string;
  /** The flags of that screening that can be explained. */
  flags: { ruleId: string; title: string }[];
};

/** Record why a flag has an innocent explanation, and where the evidence is. A reviewer must accept it before it counts. */
export function ExplainFlagForm<T>({ action, candidateId, screeningId, flags }: Props<T>) {
  const { state, formAction, formRef, errors, values } = useFormAction(action);
  return (
    <form ref={formRef} action={formAction} className="space-y-3" aria-label="Explain a flag" noValidate>
      <FormMessage state={state} success="Explanation recorded. A security analyst or admin (not you) can now accept or reject it." />
      <input type="hidden" name="candidateId" value={candidateId} />
      <input type="hidden" name="screeningId" value={screeningId} />
      <div>
        <label htmlFor="explain-rule" className="block text-sm font-medium text-slate-800">
          Flag
        </label>
        <select
          id="explain-rule"
          name="ruleId"
          key={values.ruleId}
          defaultValue={values.ruleId ?? flags[0]?.ruleId}
          aria-invalid={errors?.ruleId ? true : undefined}
          aria-describedby="explain-rule-error"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        >
          {flags.map((f) => (
            <option key={f.ruleId} value={f.ruleId}>
              {f.title}
            </option>
          ))}
        </select>
        <p id="explain-rule-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.ruleId?.join(" ")}
        </p>
      </div>
      <div>
        <label htmlFor="explain-text" className="block text-sm font-medium text-slate-800">
          Explanation
        </label>
        <textarea
          id="explain-text"
          name="explanation"
          rows={3}
          key={values.explanation}
          defaultValue={values.explanation}
          aria-invalid={errors?.explanation ? true : undefined}
          aria-describedby="explain-text-hint explain-text-error"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p id="explain-text-hint" className="text-xs text-slate-500">
          What the candidate said and what you checked, e.g. “Relocating; staying with parents until 1 March — lease and mover&apos;s invoice seen.”
        </p>
        <p id="explain-text-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.explanation?.join(" ")}
        </p>
      </div>
      <div>
        <label htmlFor="explain-reference" className="block text-sm font-medium text-slate-800">
          Evidence reference <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input
          id="explain-reference"
          name="reference"
          type="text"
          key={values.reference}
          defaultValue={values.reference}
          aria-invalid={errors?.reference ? true : undefined}
          aria-describedby="explain-reference-hint explain-reference-error"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p id="explain-reference-hint" className="text-xs text-slate-500">
          A document name, ticket or https:// link where the evidence is kept. Files are not uploaded here.
        </p>
        <p id="explain-reference-error" aria-live="polite" className="text-sm text-red-700">
          {errors?.reference?.join(" ")}
        </p>
      </div>
      <SubmitButton pendingLabel="Recording…">Record explanation</SubmitButton>
    </form>
  );
}
