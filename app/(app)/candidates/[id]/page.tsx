import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionForm } from "@/components/candidates/decision-form";
import { EnrichmentPanel } from "@/components/candidates/enrichment-panel";
import { HitList } from "@/components/candidates/hit-list";
import { ScoreExplanation } from "@/components/candidates/score-explanation";
import { LinksPanel } from "@/components/candidates/links-panel";
import { ScoreHistoryChart } from "@/components/candidates/score-history-chart";
import type { LinkView } from "@/components/candidates/types";
import { BandBadge, StageBadge } from "@/components/ui/badges";
import { CATEGORY_TITLES, SOURCES } from "@/lib/engine";
import { IP_DATA_ATTRIBUTION } from "@/lib/enrichment/ip";
import { roleHasPermission } from "@/lib/permissions";
import { DECISION_LABELS, REVIEW_OUTCOMES, type DecisionOutcome } from "@/lib/schemas/decision";
import { randomUUID } from "node:crypto";
import { VerificationStepItem } from "@/components/candidates/verification-step-item";
import { recordDecisionAction, recordVerificationAction } from "./actions";
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
  "candidate.screened": "Screened",
  "candidate.decision_recorded": "Decision recorded",
};

const OUTCOME_HINTS: Record<DecisionOutcome, string> = {
  PROCEED: "Continue the process; the flags were explained or ruled out.",
  HOLD: "Pause until a verification step is done.",
  REFER_TO_SECURITY: "Ask a security analyst to review before going further.",
  CLEARED: "Security review found the concerns explained.",
  NOT_CLEARED: "Security review could not clear the concerns.",
};

export default async function CandidatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; screened?: string }> }) {
  const { id } = await params;
  const { created, screened } = await searchParams;
  const actor = await requirePageActor("candidates.read", `/candidates/${id}`);
  let data;
  try {
    data = await getCandidate({ actor, candidateId: id, meta: await getRequestMeta() });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { candidate, auditTrail, screenings, latest, links, decisions, bandThresholds: thresholds } = data;
  const outcomes = (Object.keys(DECISION_LABELS) as DecisionOutcome[])
    .filter((o) => (REVIEW_OUTCOMES.includes(o) ? roleHasPermission(actor.role, "review.decide") : roleHasPermission(actor.role, "candidates.decide")))
    .map((o) => ({ value: o, label: DECISION_LABELS[o], hint: OUTCOME_HINTS[o] }));
  const linkViews: LinkView[] = [
    ...links.sharedIdentifiers.map((s) => ({ kind: s.kind, display: s.display, others: s.others, otherNamesDiffer: s.otherNamesDiffer })),
    ...(links.sharedShipTo ? [{ kind: "SHIP_TO", display: links.sharedShipTo.display, others: links.sharedShipTo.others }] : []),
    ...links.nearDuplicateResumes.map((r) => ({ kind: "RESUME", display: `${Math.round(r.similarity * 100)}% similar`, others: [{ id: r.candidateId, fullName: r.fullName }] })),
  ];
  const hasIpEvidence = Boolean(candidate.profile.observations?.ips?.length);
  const location = [candidate.claimedCity, candidate.claimedRegion, countryName(candidate.claimedCountry)].filter(Boolean).join(", ");

  return (
    <div className="space-y-6">
      <Link href="/candidates" className="text-sm font-semibold text-brand-600 hover:underline">
        ← All candidates
      </Link>
      {created || screened ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {created ? "Candidate created and screened." : "Evidence saved and screened."}
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
        {roleHasPermission(actor.role, "candidates.update") ? (
          <nav aria-label="Add evidence" className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-slate-600">Add evidence:</span>
            {[
              ["application", "Application"],
              ["interview", "Interview"],
              ["onboarding", "Offer & onboarding"],
            ].map(([slug, label]) => (
              <Link key={slug} href={`/candidates/${candidate.id}/evidence/${slug}`} className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
                {label}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="flags-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="flags-heading" className="text-base font-semibold">Red flags</h2>
              {latest ? (
                <p className="text-xs text-slate-500">
                  Score {latest.score} ({latest.band.toLowerCase()}) · ruleset v{latest.rulesetVersion.version} · engine {latest.engineVersion}
                </p>
              ) : null}
            </div>
            <p className="mt-1 text-xs text-slate-500">Flags prioritise human review. They are not a decision, and each lists innocent explanations to rule out.</p>
            <div className="mt-4">
              {latest ? (
                <>
                  <HitList hits={latest.hits} categoryTitles={CATEGORY_TITLES} sourceTitles={SOURCES} />
                  {latest.hits.length ? <ScoreExplanation corroboration={latest.corroboration} score={latest.score} /> : null}
                </>
              ) : (
                <p className="text-sm text-slate-600">Not screened yet.</p>
              )}
            </div>
            {latest?.suppressed.length ? (
              <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
                <p className="font-medium">Not scored, because an innocent path applies:</p>
                <ul className="mt-1 list-disc pl-5">
                  {latest.suppressed.map((x) => (
                    <li key={x.ruleId}>
                      {x.title}: {x.reason}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>

          {latest?.verificationSteps.length ? (
            <section aria-labelledby="steps-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <h2 id="steps-heading" className="text-base font-semibold">Recommended verification steps</h2>
              <p className="mt-1 text-xs text-slate-500">Offer the same steps to everyone at this stage; an alternative path (notary, in person) is always available. Marking a step done records its outcome as evidence and screens again.</p>
              <ol className="mt-3 space-y-2">
                {latest.verificationSteps.map((step) => {
                  const done = [...(candidate.profile.verifications ?? [])].reverse().find((v) => v.stepId === step.id) ?? null;
                  return (
                    <VerificationStepItem
                      key={step.id}
                      action={recordVerificationAction}
                      candidateId={candidate.id}
                      step={{ id: step.id, text: step.text }}
                      done={done}
                      canRecord={roleHasPermission(actor.role, "candidates.update")}
                      idempotencyKey={randomUUID()}
                      version={candidate.updatedAt.toISOString()}
                    />
                  );
                })}
              </ol>
            </section>
          ) : null}

          {screenings.length > 1 && latest ? (
            <section aria-labelledby="history-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <h2 id="history-heading" className="text-base font-semibold">Score history</h2>
              <ScoreHistoryChart
                points={screenings.map((x) => ({ id: x.id, at: x.createdAt.toISOString(), stage: x.stage, score: x.score, band: x.band }))}
                thresholds={thresholds}
              />
            </section>
          ) : null}
          <section aria-labelledby="profile-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
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

          {latest?.enrichment || hasIpEvidence ? (
            <section aria-labelledby="enrichment-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <h2 id="enrichment-heading" className="text-base font-semibold">Connections and contact checks</h2>
              <p className="mt-1 text-xs text-slate-500">What the offline data sources said when the latest screening ran. A location is where the address is registered or routed, not proof of where a person is.</p>
              <div className="mt-3">
                {latest?.enrichment ? (
                  <EnrichmentPanel enrichment={latest.enrichment} />
                ) : (
                  <p className="text-sm text-slate-600">This screening was recorded before connection details were kept; the next screening records them.</p>
                )}
              </div>
              {hasIpEvidence ? (
                <p className="mt-3 text-xs text-slate-500">
                  <a href={IP_DATA_ATTRIBUTION.href} className="underline">
                    {IP_DATA_ATTRIBUTION.text}
                  </a>{" "}
                  (DB-IP Lite, CC BY 4.0)
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
        <div className="space-y-6">
          <section aria-labelledby="links-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="links-heading" className="text-base font-semibold">Linked candidates</h2>
            <div className="mt-3">
              <LinksPanel links={linkViews} />
            </div>
          </section>
        <section aria-labelledby="decisions-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="decisions-heading" className="text-base font-semibold">Decisions</h2>
          {decisions.length ? (
            <ol className="mt-3 space-y-3 text-sm">
              {decisions.map((d) => (
                <li key={d.id} className="border-l-2 border-brand-600 pl-3">
                  <p className="font-medium">{DECISION_LABELS[d.outcome as DecisionOutcome] ?? d.outcome}</p>
                  <p className="text-slate-700">{d.rationale}</p>
                  <p className="text-xs text-slate-500">
                    {d.actor.name} · {dateFormat.format(d.createdAt)} UTC
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-sm text-slate-600">No decision recorded yet.</p>
          )}
          {outcomes.length ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <DecisionForm action={recordDecisionAction} candidateId={candidate.id} screeningId={screenings.at(-1)?.id ?? ""} outcomes={outcomes} />
            </div>
          ) : null}
        </section>

        {auditTrail ? (
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
            <p className="mt-4 text-xs">
              <a href={`/audit?subject=${candidate.id}`} className="font-medium text-brand-700 underline">
                Full audit trail
              </a>
            </p>
          </section>
        ) : null}
        </div>
      </div>
    </div>
  );
}
