import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportMappingForm } from "@/components/imports/import-mapping-form";
import { ImportProgress } from "@/components/imports/import-progress";
import { isAppError } from "@/lib/errors";
import { IMPORT_FIELDS } from "@/lib/schemas/import";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getImportJob } from "@/lib/server/imports/get-import-job";
import { listImportRowErrors } from "@/lib/server/imports/list-import-row-errors";
import { startImportJobAction } from "../actions";

export const metadata: Metadata = { title: "Import" };

const ERRORS_SHOWN = 200;
const n = new Intl.NumberFormat("en");

export default async function ImportJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  const actor = await requirePageActor("candidates.create", `/candidates/import/${jobId}`);
  let job;
  try {
    job = await getImportJob({ actor, importJobId: jobId });
  } catch (error) {
    // An unknown or malformed id is a 404 page, like any other missing page (never a 500).
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const errors = job.status === "DRAFT" ? [] : await listImportRowErrors({ actor, importJobId: job.id, limit: ERRORS_SHOWN });
  return (
    <div className="space-y-8">
      <div>
        <Link href="/candidates/import" className="text-sm font-semibold text-brand-600 hover:underline">
          ← Imports
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Import of {job.fileName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Uploaded by {job.createdBy}. {job.columns.length} columns.
        </p>
      </div>

      {job.status === "DRAFT" ? (
        <section aria-labelledby="mapping-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="mapping-heading" className="mb-4 text-base font-semibold">
            Which column is which?
          </h2>
          <ImportMappingForm
            action={startImportJobAction}
            jobId={job.id}
            fields={IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label, group: f.group, required: "required" in f && f.required }))}
            columns={job.columns}
            initialMapping={job.mapping as Record<string, string>}
            preview={job.preview}
          />
        </section>
      ) : (
        <>
          <section aria-labelledby="progress-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="progress-heading" className="mb-4 text-base font-semibold">
              Progress
            </h2>
            <ImportProgress
              initial={{
                id: job.id,
                status: job.status,
                totalRows: job.totalRows,
                processedRows: job.processedRows,
                createdRows: job.createdRows,
                updatedRows: job.updatedRows,
                failedRows: job.failedRows,
                failureReason: job.failureReason,
              }}
            />
          </section>
          <section aria-labelledby="errors-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-center justify-between gap-3 px-6 pt-6">
              <h2 id="errors-heading" className="text-base font-semibold">
                Rows with errors <span className="font-normal text-slate-500">({n.format(job.failedRows)})</span>
              </h2>
              {job.failedRows > 0 ? (
                <a href={`/api/imports/${job.id}/errors.csv`} download className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-600 ring-1 ring-slate-300 hover:bg-slate-50">
                  Download errors CSV
                </a>
              ) : null}
            </div>
            {errors.length === 0 ? (
              <p className="px-6 pb-6 pt-2 text-sm text-slate-600">No row has an error{job.status === "COMPLETED" ? "" : " so far"}.</p>
            ) : (
              <div className="overflow-x-auto p-2">
                <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="import-errors">
                  <caption className="sr-only">Rows that were not imported, by row number (the header is row 1)</caption>
                  <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-4 py-2">Row</th>
                      <th scope="col" className="px-4 py-2">Column</th>
                      <th scope="col" className="px-4 py-2">Error</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {errors.map((e) => (
                      <tr key={e.rowNumber}>
                        <td className="px-4 py-2 font-medium">{e.rowNumber}</td>
                        <td className="px-4 py-2">{e.field ?? "—"}</td>
                        <td className="px-4 py-2 text-slate-700">{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {job.failedRows > errors.length ? (
                  <p className="px-4 py-2 text-sm text-slate-600">The first {errors.length} are shown; the CSV has them all.</p>
                ) : null}
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
