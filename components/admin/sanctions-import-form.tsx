"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { APP_ERROR_CODES, type ActionResult } from "@/lib/errors";
import { MAX_SANCTIONS_FILE_BYTES, MAX_SANCTIONS_FILES, sanctionsFileTooLargeMessage } from "@/lib/schemas/upload-limits";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { postUpload, type UploadProgressValue } from "@/components/ui/post-upload";
import { SubmitButton } from "@/components/ui/submit-button";
import { UploadProgress } from "@/components/ui/upload-progress";

export type SanctionsImportOutcomeView = {
  status: "imported" | "unchanged" | "reactivated";
  listVersion: string;
  entryCount: number;
  aliasCount: number;
  addressCount: number | null;
};

const count = new Intl.NumberFormat("en");

function outcomeMessage(o: SanctionsImportOutcomeView): string {
  const size = `${count.format(o.entryCount)} entries, ${count.format(o.aliasCount)} aliases${o.addressCount !== null ? `, ${count.format(o.addressCount)} addresses` : ""}`;
  if (o.status === "imported") return `Imported ${o.listVersion}: ${size}. It is now the active list.`;
  if (o.status === "reactivated") return `${o.listVersion} (${size}) was imported before and is the active list again.`;
  return `Unchanged: ${o.listVersion} (${size}) is already the active list. Nothing was imported.`;
}

/** Files over the limits are refused here, before anything is sent (the route refuses them too, with 413). */
function tooLarge(files: File[]): string[] {
  if (files.length > MAX_SANCTIONS_FILES) return ["Upload at most three files: sdn.csv, alt.csv and add.csv, or SDN.XML alone."];
  return files.filter((f) => f.size > MAX_SANCTIONS_FILE_BYTES).map((f) => sanctionsFileTooLargeMessage(f.name));
}

/**
 * OFAC's files go to POST /api/admin/sanctions (read as a stream; SDN.XML is ~30 MB) with upload progress; on
 * success the page's list history is refreshed. A failure keeps the publication date.
 */
export function SanctionsImportForm() {
  const router = useRouter();
  const [progress, setProgress] = useState<UploadProgressValue | null>(null);
  const { state, formAction, formRef, errors, values: v } = useFormAction(
    async (_prev: ActionResult<SanctionsImportOutcomeView> | null, formData: FormData): Promise<ActionResult<SanctionsImportOutcomeView>> => {
      const publishedAt = String(formData.get("publishedAt") ?? "");
      const files = formData.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
      const refused = tooLarge(files);
      if (refused.length) return { ok: false, code: "VALIDATION", message: APP_ERROR_CODES.VALIDATION, fieldErrors: { files: refused }, values: { publishedAt } };
      setProgress({ loaded: 0, total: files.reduce((sum, f) => sum + f.size, 0) });
      const result = await postUpload<{ sanctionsList: SanctionsImportOutcomeView }>("/api/admin/sanctions", formData, setProgress);
      setProgress(null);
      if (!result.ok) return result.code === "UNAUTHENTICATED" || result.code === "FORBIDDEN" ? result : { ...result, values: { publishedAt } };
      router.refresh();
      return { ok: true, data: result.data.sanctionsList };
    },
  );
  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate aria-label="Import sanctions list">
      <FormMessage state={state} success={state?.ok ? outcomeMessage(state.data) : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="files"
          label="List files"
          type="file"
          multiple
          accept=".xml,.csv,text/xml,application/xml,text/csv"
          required
          hint="SDN.XML on its own, or sdn.csv with alt.csv and add.csv (select them together). Up to 50 MB each."
          errors={errors?.files}
          className="file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm"
        />
        <TextField
          key={`p-${v.publishedAt}`}
          name="publishedAt"
          label="Publication date"
          type="date"
          defaultValue={v.publishedAt}
          hint="Required for the CSV files, which carry no date: the date OFAC published the list. SDN.XML states its own."
          errors={errors?.publishedAt}
        />
      </div>
      <UploadProgress label="Upload progress" progress={progress} />
      <SubmitButton pendingLabel="Importing…">Import list</SubmitButton>
    </form>
  );
}
