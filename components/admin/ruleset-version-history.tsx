import Link from "next/link";

export type RulesetStatusView = "DRAFT" | "PUBLISHED" | "RETIRED";

export type RulesetVersionRowView = {
  id: string;
  version: number;
  status: RulesetStatusView;
  notes: string | null;
  author: string | null;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601, or null for a draft that was never published. */
  publishedAt: string | null;
  previousVersion: number | null;
  changeSummary: string | null;
  valid: boolean;
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
export const formatUtc = (iso: string) => `${dateFormat.format(new Date(iso))} UTC`;

const STATUS_STYLES: Record<RulesetStatusView, { label: string; className: string }> = {
  PUBLISHED: { label: "Published", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  DRAFT: { label: "Draft", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  RETIRED: { label: "Retired", className: "bg-slate-100 text-slate-700 ring-slate-200" },
};

export function RulesetStatusBadge({ status }: { status: RulesetStatusView }) {
  const s = STATUS_STYLES[status];
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${s.className}`}>{s.label}</span>;
}

/** All versions, newest first: status, what changed from the version before, why (notes), who and when. */
export function RulesetVersionHistory({ rows, headingId }: { rows: RulesetVersionRowView[]; headingId: string }) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-labelledby={headingId}>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-6 py-2">Version</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Changes</th>
            <th scope="col" className="px-3 py-2">Notes</th>
            <th scope="col" className="px-3 py-2">Author</th>
            <th scope="col" className="px-3 py-2">Created</th>
            <th scope="col" className="px-3 py-2">Published</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid={`ruleset-version-${r.version}`}>
              <th scope="row" className="whitespace-nowrap px-6 py-3 text-left font-medium">
                <Link className="text-brand-700 underline" href={`/admin/rulesets/${r.id}`}>
                  Version {r.version}
                </Link>
              </th>
              <td className="px-3 py-3">
                <RulesetStatusBadge status={r.status} />
                {r.valid ? null : <span className="ml-1 text-xs text-red-700">Not valid for this engine</span>}
              </td>
              <td className="max-w-sm px-3 py-3 text-slate-700">
                {r.previousVersion === null ? (
                  <span className="text-slate-500">First version</span>
                ) : r.changeSummary === null ? (
                  <span className="text-slate-500">Can&apos;t compare</span>
                ) : (
                  <>
                    <span className="sr-only">Compared with version {r.previousVersion}: </span>
                    {r.changeSummary}
                  </>
                )}
              </td>
              <td className="max-w-xs px-3 py-3 text-slate-700">{r.notes ?? <span className="text-slate-500">None</span>}</td>
              <td className="px-3 py-3 text-slate-600">{r.author ?? "Engine default"}</td>
              <td className="whitespace-nowrap px-3 py-3 text-slate-600">{formatUtc(r.createdAt)}</td>
              <td className="whitespace-nowrap px-3 py-3 text-slate-600">{r.publishedAt ? formatUtc(r.publishedAt) : <span className="text-slate-500">Never</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
