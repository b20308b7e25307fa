"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { IMPORT_FILE_TOO_LARGE_MESSAGE, MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/upload-limits";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { postUpload, type UploadProgressValue } from "@/components/ui/post-upload";
import { SubmitButton } from "@/components/ui/submit-button";
import { UploadProgress } from "@/components/ui/upload-progress";

type Uploaded = { import: { id: string; location: string; mappingPage: string } };

/**
 * Step 1 of an import: the file goes to POST /api/imports (a route handler reads it as a stream; up to 20 MB), with
 * upload progress, and the mapping step opens. A file over the limit is refused here, before anything is sent.
 */
export function ImportUploadForm() {
  const router = useRouter();
  const [progress, setProgress] = useState<UploadProgressValue | null>(null);
  const [state, formAction] = useActionState(async (_prev: ActionResult<Uploaded> | null, formData: FormData): Promise<ActionResult<Uploaded>> => {
    const file = formData.get("file");
    if (file instanceof File && file.size > MAX_IMPORT_FILE_BYTES) {
      return { ok: false, code: "VALIDATION", message: IMPORT_FILE_TOO_LARGE_MESSAGE, fieldErrors: { file: ["The file is larger than 20 MB"] } };
    }
    setProgress({ loaded: 0, total: file instanceof File ? file.size : 0 });
    const result = await postUpload<Uploaded>("/api/imports", formData, setProgress);
    setProgress(null);
    if (result.ok) router.push(result.data.import.mappingPage);
    return result;
  }, null);
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
        hint="An export from your ATS, first line naming the columns, saved as CSV (UTF-8). Up to 20 MB. You choose which column is which next."
        errors={errors?.file}
        className="file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm"
      />
      <UploadProgress label="Upload progress" progress={progress} />
      <SubmitButton pendingLabel="Uploading…">Upload and map columns</SubmitButton>
    </form>
  );
}
