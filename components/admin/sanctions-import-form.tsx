"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export type SanctionsImportOutcomeView = {
  status: "imported" | "unchanged" | "reactivated";
  listVersion: string;
  entryCount: number;
  aliasCount: number;
  addressCount: number | null;
};

type Props<T extends SanctionsImportOutcomeView> = { action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> };

const count = new Intl.NumberFormat("en");

function outcomeMessage(o: SanctionsImportOutcomeView): string {
  const size = `${count.format(o.entryCount)} entries, ${count.format(o.aliasCount)} aliases${o.addressCount !== null ? `, ${count.format(o.addressCount)} addresses` : ""}`;
  if (o.status === "imported") return `Imported ${o.listVersion}: ${size}. It is now the active list.`;
  if (o.status === "reactivated") return `${o.listVersion} (${size}) was imported before and is the active list again.`;
  return `Unchanged: ${o.listVersion} (${size}) is already the active list. Nothing was imported.`;
}

export function SanctionsImportForm<T extends SanctionsImportOutcomeView>({ action }: Props<T>) {
  const { state, formAction, formRef, errors, values: v } = useFormAction(action);
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
      <SubmitButton pendingLabel="Importing…">Import list</SubmitButton>
    </form>
  );
}
