"use client";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  label: string;
  hidden: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  success?: string;
  variant?: "primary" | "secondary" | "danger";
  children?: React.ReactNode;
};

/**
 * A case action (note, start review, closure, approval): hidden ids, the fields passed as children, the outcome and
 * each field's errors announced at the top of the form.
 */
export function CaseActionForm<T>({ action, label, hidden, submitLabel, pendingLabel, success, variant, children }: Props<T>) {
  const { state, formAction, formRef, errors } = useFormAction(action);
  const fieldErrors = Object.entries(errors ?? {});
  return (
    <form ref={formRef} action={formAction} aria-label={label} className="space-y-3" noValidate>
      <FormMessage state={state} success={success} />
      {fieldErrors.length ? (
        <ul aria-live="polite" className="list-disc space-y-1 pl-5 text-sm text-red-700">
          {fieldErrors.map(([key, messages]) => (
            <li key={key}>{messages.join(" ")}</li>
          ))}
        </ul>
      ) : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton pendingLabel={pendingLabel} variant={variant}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
