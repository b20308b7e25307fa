"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = { action: (prev: ActionResult<{ id: string }> | null, formData: FormData) => Promise<ActionResult<{ id: string }>> };

export function ImportUploadForm({ action }: Props) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Upload a CSV file">
      <FormMessage state={state} />
      <TextField
        name="file"
        label="CSV file"
        type="file"
        accept=".csv,text/csv"
        required
        hint="An export from your ATS, first line naming the columns. Up to 20 MB. You choose which column is which next."
        errors={errors?.file}
        className="file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm"
      />
      <SubmitButton pendingLabel="Uploading…">Upload and map columns</SubmitButton>
    </form>
  );
}
