import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BandBadge, StageBadge } from "@/components/ui/badges";
import { countryName } from "@/lib/countries";
import { isAppError } from "@/lib/errors";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getCandidate } from "@/lib/server/candidates/get-candidate";
import { getRequestMeta } from "@/lib/server/request-meta";

export const metadata: Metadata = { title: "Candidate" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const AUDIT_LABELS: Record<string, string> = {
  "candidate.created": "Created",
  "candidate.viewed": "Viewed",
};

export default async function CandidatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const { created } = await searchParams;
  const actor = await requirePageActor("candidates.read", `/candidates/${id}`);
  let data;
  try {
    data = await getCandidate({ actor, candidateId: id, meta: await getRequestMeta() });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { candidate, auditTrail } = data;
  const location = [candidate.claimedCity, candidate.claimedRegion, countryName(candidate.claimedCountry)].filter(Boolean).join(", ");

  return (
    <div className="space-y-6">
      <Link href="/candidates" className="text-sm font-semibold text-brand-600 hover:underline">
        ← All candidates
      </Link>
      {created ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          Candidate created.
        </p>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{candidate.fullName}</h1>
          <div className="mt-2 flex items-center gap-2">
            <StageBadge stage={candidate.stage} />
            <BandBadge band={candidate.latestBand} score={candidate.latestScore} />
          </div>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="profile-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          <h2 id="profile-heading" className="text-base font-semibold">Profile</h2>
          <dl className="mt-4 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Email</dt>
              <dd className="font-medium">{candidate.email}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Phone</dt>
              <dd className="font-medium">{candidate.phone ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Claimed work location</dt>
              <dd className="font-medium">{location || "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Added</dt>
              <dd className="font-medium">
                {dateFormat.format(candidate.createdAt)} UTC by {candidate.createdBy.name}
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="audit-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="audit-heading" className="text-base font-semibold">Audit trail</h2>
          <ol className="mt-4 space-y-3 text-sm">
            {auditTrail.map((e) => (
              <li key={e.id} className="flex justify-between gap-2">
                <span>
                  <span className="font-medium">{AUDIT_LABELS[e.action] ?? e.action}</span>
                  <span className="text-slate-600"> by {e.actor?.name ?? "system"}</span>
                </span>
                <time dateTime={e.at.toISOString()} className="shrink-0 text-slate-500">
                  {dateFormat.format(e.at)}
                </time>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
