"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export type ImportFieldView = { key: string; label: string; group: string; required: boolean };

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  jobId: string;
  fields: readonly ImportFieldView[];
  columns: readonly string[];
  initialMapping: Record<string, string>;
  preview: readonly Record<string, string>[];
};

/** One select per target field (pre-filled from the header names) and a live preview of the first rows as mapped. */
export function ImportMappingForm<T>({ action, jobId, fields, columns, initialMapping, preview }: Props<T>) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const [mapping, setMapping] = useState<Record<string, string>>(() => {
    const v = failed?.values;
    return v ? Object.fromEntries(fields.map((f) => [f.key, v[`map.${f.key}`] ?? ""])) : { ...initialMapping };
  });
  const mapped = fields.filter((f) => mapping[f.key]);
  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <form action={formAction} className="space-y-6" noValidate aria-label="Map columns">
      <FormMessage state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      {failed?.fieldErrors?._form ? (
        <p role="alert" className="text-sm text-red-700">
          {failed.fieldErrors._form.join(" ")}
        </p>
      ) : null}
      {groups.map((group) => (
        <fieldset key={group} className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{group}</legend>
          {fields
            .filter((f) => f.group === group)
            .map((f) => {
              const id = `map-${f.key}`;
              const errors = failed?.fieldErrors?.[f.key];
              return (
                <div key={f.key} className="space-y-1">
                  <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                    {f.label}
                    {f.required ? <span className="text-red-700" aria-hidden="true"> *</span> : null}
                  </label>
                  <select
                    id={id}
                    name={`map.${f.key}`}
                    value={mapping[f.key] ?? ""}
                    onChange={(e) => setMapping((m) => ({ ...m, [f.key]: e.target.value }))}
                    required={f.required}
                    aria-invalid={errors?.length ? true : undefined}
                    aria-describedby={errors?.length ? `${id}-error` : undefined}
                    className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${errors?.length ? "border-red-600" : "border-slate-300"}`}
                  >
                    <option value="">— not imported —</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                  <div id={`${id}-error`} aria-live="polite">
                    {errors?.map((m) => (
                      <p key={m} className="text-sm text-red-700">
                        {m}
                      </p>
                    ))}
                  </div>
                </div>
              );
            })}
        </fieldset>
      ))}

      <section aria-labelledby="preview-heading" className="space-y-2">
        <h3 id="preview-heading" className="text-sm font-semibold">
          Preview of the first {preview.length} rows, as mapped
        </h3>
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-xs">
            <caption className="sr-only">First rows of the file as they will be imported</caption>
            <thead className="bg-slate-50 text-left font-semibold text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Row</th>
                {mapped.map((f) => (
                  <th key={f.key} scope="col" className="px-3 py-2">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.map((row, i) => (
                <tr key={i}>
                  <td className="px-3 py-2 text-slate-500">{i + 2}</td>
                  {mapped.map((f) => (
                    <td key={f.key} className="max-w-48 truncate px-3 py-2">
                      {row[mapping[f.key]] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p className="text-sm text-slate-600">
        Every row is validated first; rows with errors are listed (with their row number) and skipped. A row whose external id already exists updates that
        candidate instead of adding a new one. Every imported row is screened.
      </p>
      <SubmitButton pendingLabel="Validating…">Validate and import</SubmitButton>
    </form>
  );
}
