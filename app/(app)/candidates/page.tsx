import type { Metadata } from "next";
import Link from "next/link";
import { BandBadge, StageBadge } from "@/components/ui/badges";
import { countryName } from "@/lib/countries";
import { roleHasPermission } from "@/lib/permissions";
import { CandidateFilters } from "@/components/candidates/candidate-filters";
import { INDICATORS } from "@/lib/engine";
import { BAND_VALUES, candidateListParams, parseCandidateListQuery, STAGE_LABELS, STAGES } from "@/lib/schemas/candidate";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listCandidates } from "@/lib/server/candidates/list-candidates";

export const metadata: Metadata = { title: "Candidates" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("candidates.read", "/candidates");
  const raw = await searchParams;
  // Every valid parameter is kept; an invalid one (a damaged page link, a hand-edited date) is dropped and named.
  const { query, invalid } = parseCandidateListQuery((k) => {
    const v = raw[k];
    return Array.isArray(v) ? v[0] : v;
  });
  const filterError = invalidFiltersMessage(invalid);
  const { items, nextCursor } = await listCandidates({ actor, query });
  const filtered = Boolean(query.q || query.band || query.stage || query.indicator || query.from || query.to);
  const baseParams = candidateListParams(query);
  const withParams = (path: string, params: URLSearchParams) => {
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };
  const pageHref = (cursor?: string) => {
    const p = new URLSearchParams(baseParams);
    if (cursor) p.set("cursor", cursor);
    return withParams("/candidates", p);
  };
  const canCreate = roleHasPermission(actor.role, "candidates.create");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Candidates</h1>
          <p className="mt-1 text-sm text-slate-600">Bands prioritise human review; they never decide.</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {/* Plain links: the routes stream a file download (formula cells neutralised, audited) of exactly what the
              list shows — the same search, filters and sort, every page of it. */}
          <a
            href={withParams("/api/exports/candidates.csv", baseParams)}
            download
            aria-describedby="export-scope"
            className="rounded-md px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Export CSV
          </a>
          <a
            href={withParams("/api/exports/screenings.csv", baseParams)}
            download
            aria-describedby="export-scope"
            className="rounded-md px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Export screenings CSV
          </a>
          <span id="export-scope" className="sr-only">
            {filtered ? "Exports the candidates that match these filters, every page." : "Exports every candidate, every page."}
          </span>
          {canCreate ? (
            <Link href="/candidates/import" className="rounded-md px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
              Import CSV
            </Link>
          ) : null}
          {canCreate ? (
            <Link href="/candidates/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
              New candidate
            </Link>
          ) : null}
        </div>
      </div>

      <CandidateFilters
        values={{ q: query.q, band: query.band, stage: query.stage, indicator: query.indicator, from: query.from, to: query.to, sort: query.sort }}
        bands={BAND_VALUES.map((b) => ({ value: b, label: b.charAt(0) + b.slice(1).toLowerCase() }))}
        stages={STAGES.map((st) => ({ value: st, label: STAGE_LABELS[st] }))}
        indicators={INDICATORS.map((i) => ({ value: i.id, label: `${i.id} — ${i.title.slice(0, 60)}` }))}
        sorts={[
          { value: "newest", label: "Newest first" },
          { value: "oldest", label: "Oldest first" },
          { value: "risk", label: "Highest risk first (screened)" },
        ]}
      />
      {filterError ? (
        <p role="status" className="text-sm text-amber-800">{filterError}</p>
      ) : null}

      {items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-base font-semibold">{query.cursor ? "No more candidates" : filtered ? "No candidates match these filters" : "No candidates yet"}</h2>
          <p className="mt-1 text-sm text-slate-600">
            {query.cursor
              ? "You've reached the end of the list."
              : filtered
                ? "Try a shorter search or fewer filters."
                : canCreate
                  ? "Add the first candidate to start screening."
                  : "Recruiters add candidates; they will appear here."}
          </p>
          {canCreate && !query.cursor && !filtered ? (
            <Link href="/candidates/new" className="mt-4 inline-block text-sm font-semibold text-brand-600 hover:underline">
              Add a candidate
            </Link>
          ) : null}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Candidates</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Email</th>
                <th scope="col" className="px-4 py-3">Stage</th>
                <th scope="col" className="px-4 py-3">Risk</th>
                <th scope="col" className="px-4 py-3">Claimed country</th>
                <th scope="col" className="px-4 py-3">Added (UTC)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/candidates/${c.id}`} className="text-brand-700 hover:underline">
                      {c.fullName}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{c.email}</td>
                  <td className="px-4 py-3"><StageBadge stage={c.stage} /></td>
                  <td className="px-4 py-3"><BandBadge band={c.latestBand} score={c.latestScore} /></td>
                  <td className="px-4 py-3 text-slate-700">{countryName(c.claimedCountry) || "—"}</td>
                  <td className="px-4 py-3 text-slate-600">{dateFormat.format(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Pagination" className="flex items-center justify-between">
        {query.cursor ? (
          <Link href={pageHref()} className="text-sm font-semibold text-brand-600 hover:underline">
            ← Back to first page
          </Link>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <Link href={pageHref(nextCursor)} className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-600 ring-1 ring-slate-300 hover:bg-slate-50" rel="next">
            Next page →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

const PARAM_LABELS: Record<string, string> = {
  q: "the search",
  band: "the band",
  stage: "the stage",
  indicator: "the indicator",
  from: "the “added from” date",
  to: "the “added to” date",
  sort: "the sort order",
  cursor: "the page link",
  limit: "the page size",
};

/** What was ignored, in words: a damaged page link restarts at the first page with the filters kept. */
function invalidFiltersMessage(invalid: Record<string, string[]>): string | null {
  const keys = Object.keys(invalid);
  if (keys.length === 0) return null;
  if (keys.length === 1 && keys[0] === "cursor") return "That page link is invalid, so the list starts again from the first page.";
  return `Some filters were invalid and were ignored: ${keys.map((k) => PARAM_LABELS[k] ?? k).join(", ")}.`;
}
