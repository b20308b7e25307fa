import type { Metadata } from "next";
import Link from "next/link";
import { BandBadge, StageBadge } from "@/components/ui/badges";
import { countryName } from "@/lib/countries";
import { roleHasPermission } from "@/lib/permissions";
import { candidateListQuerySchema } from "@/lib/schemas/candidate";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listCandidates } from "@/lib/server/candidates/list-candidates";

export const metadata: Metadata = { title: "Candidates" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("candidates.read", "/candidates");
  const raw = await searchParams;
  const parsed = candidateListQuerySchema.safeParse({ cursor: typeof raw.cursor === "string" ? raw.cursor : undefined, limit: raw.limit });
  const query = parsed.success ? parsed.data : { limit: 25 };
  const { items, nextCursor } = await listCandidates({ actor, query });
  const canCreate = roleHasPermission(actor.role, "candidates.create");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Candidates</h1>
          <p className="mt-1 text-sm text-slate-600">Newest first. Bands prioritise human review; they never decide.</p>
        </div>
        {canCreate ? (
          <Link href="/candidates/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
            New candidate
          </Link>
        ) : null}
      </div>

      {items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-base font-semibold">{query.cursor ? "No more candidates" : "No candidates yet"}</h2>
          <p className="mt-1 text-sm text-slate-600">
            {query.cursor ? "You've reached the end of the list." : canCreate ? "Add the first candidate to start screening." : "Recruiters add candidates; they will appear here."}
          </p>
          {canCreate && !query.cursor ? (
            <Link href="/candidates/new" className="mt-4 inline-block text-sm font-semibold text-brand-600 hover:underline">
              Add a candidate
            </Link>
          ) : null}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Candidates, newest first</caption>
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
          <Link href="/candidates" className="text-sm font-semibold text-brand-600 hover:underline">
            ← Back to newest
          </Link>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <Link href={`/candidates?cursor=${nextCursor}`} className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-600 ring-1 ring-slate-300 hover:bg-slate-50" rel="next">
            Older candidates →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
