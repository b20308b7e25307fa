export type SanctionsListHistoryRowView = {
  id: string;
  listVersion: string;
  format: string;
  fileNames: string[];
  entryCount: number;
  aliasCount: number;
  status: "ACTIVE" | "SUPERSEDED";
  /** ISO 8601 */
  importedAt: string;
  /** null when imported from the command line. */
  importedBy: string | null;
};

const count = new Intl.NumberFormat("en");
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const FORMAT_LABELS: Record<string, string> = { "ofac-csv": "CSV", "ofac-xml": "XML" };

/** Imported versions, newest first; an empty state that says where OFAC's files come from (the app never downloads). */
export function SanctionsListHistory({ rows }: { rows: SanctionsListHistoryRowView[] }) {
  if (rows.length === 0) {
    return (
      <div className="space-y-2 px-6 pb-6 pt-4 text-sm text-slate-700" data-testid="sanctions-empty">
        <p className="font-medium">No sanctions list has been imported yet. Until one is, screenings report sanctions as unknown.</p>
        <p>
          This app never downloads anything. Get the current SDN list from OFAC&apos;s Sanctions List Service,{" "}
          <a className="text-brand-700 underline" href="https://sanctionslist.ofac.treas.gov" rel="noreferrer" target="_blank">
            sanctionslist.ofac.treas.gov
          </a>
          : either <code>SDN.XML</code>, or the legacy CSV set <code>sdn.csv</code>, <code>alt.csv</code> (aliases) and <code>add.csv</code>{" "}
          (addresses). Then upload the files above. Re-importing a list you already have changes nothing.
        </p>
      </div>
    );
  }
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-labelledby="history-heading">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-6 py-2">Version</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2 text-right">Entries</th>
            <th scope="col" className="px-3 py-2 text-right">Aliases</th>
            <th scope="col" className="px-3 py-2">Files</th>
            <th scope="col" className="px-3 py-2">Imported</th>
            <th scope="col" className="px-3 py-2">By</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid={`sanctions-list-${r.id}`}>
              <td className="px-6 py-3 font-medium">{r.listVersion}</td>
              <td className="px-3 py-3">
                {r.status === "ACTIVE" ? (
                  <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">Active</span>
                ) : (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">Superseded</span>
                )}
              </td>
              <td className="px-3 py-3 text-right tabular-nums">{count.format(r.entryCount)}</td>
              <td className="px-3 py-3 text-right tabular-nums">{count.format(r.aliasCount)}</td>
              <td className="px-3 py-3 text-slate-600">
                {FORMAT_LABELS[r.format] ?? r.format}: {r.fileNames.join(", ")}
              </td>
              <td className="px-3 py-3 text-slate-600">{dateFormat.format(new Date(r.importedAt))} UTC</td>
              <td className="px-3 py-3 text-slate-600">{r.importedBy ?? "Command line"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
