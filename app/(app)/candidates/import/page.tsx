import type { Metadata } from "next";
import Link from "next/link";
import { ImportUploadForm } from "@/components/imports/import-upload-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listImportJobs } from "@/lib/server/imports/list-import-jobs";

export const metadata: Metadata = { title: "Import candidates" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const n = new Intl.NumberFormat("en");
const STATUS_LABELS = { DRAFT: "Mapping columns", QUEUED: "Queued", RUNNING: "Importing", COMPLETED: "Completed", FAILED: "Failed", CANCELLED: "Cancelled" } as const;

export default async function ImportCandidatesPage() {
  const actor = await requirePageActor("candidates.create", "/candidates/import");
  const jobs = await listImportJobs({ actor });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Import candidates</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Upload a CSV export from your ATS. Every row is validated, then imported and screened in the background — you can leave this page and come back.
          Rows whose external id already exists update that candidate.
        </p>
      </div>
      <section aria-labelledby="upload-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="upload-heading" className="mb-4 text-base font-semibold">
          Upload a file
        </h2>
        <ImportUploadForm />
      </section>
      <section aria-labelledby="recent-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="recent-heading" className="px-6 pt-6 text-base font-semibold">
          Recent imports
        </h2>
        {jobs.length === 0 ? (
          <p className="px-6 pb-6 pt-2 text-sm text-slate-600">No imports yet.</p>
        ) : (
          <div className="overflow-x-auto p-2">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Recent imports, newest first</caption>
              <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2">File</th>
                  <th scope="col" className="px-4 py-2">Status</th>
                  <th scope="col" className="px-4 py-2">Rows</th>
                  <th scope="col" className="px-4 py-2">Created</th>
                  <th scope="col" className="px-4 py-2">Updated</th>
                  <th scope="col" className="px-4 py-2">Errors</th>
                  <th scope="col" className="px-4 py-2">By</th>
                  <th scope="col" className="px-4 py-2">Uploaded (UTC)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {jobs.map((j) => (
                  <tr key={j.id}>
                    <td className="px-4 py-2 font-medium">
                      <Link href={`/candidates/import/${j.id}`} className="text-brand-700 hover:underline">
                        {j.fileName}
                      </Link>
                    </td>
                    <td className="px-4 py-2">{STATUS_LABELS[j.status]}</td>
                    <td className="px-4 py-2">{j.status === "DRAFT" ? "—" : `${n.format(j.processedRows)} / ${n.format(j.totalRows)}`}</td>
                    <td className="px-4 py-2">{n.format(j.createdRows)}</td>
                    <td className="px-4 py-2">{n.format(j.updatedRows)}</td>
                    <td className="px-4 py-2">{n.format(j.failedRows)}</td>
                    <td className="px-4 py-2 text-slate-700">{j.createdBy}</td>
                    <td className="px-4 py-2 text-slate-600">{dateFormat.format(j.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
