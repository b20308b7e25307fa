import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionForm } from "@/components/candidates/decision-form";
import { EnrichmentPanel } from "@/components/candidates/enrichment-panel";
import { HitList } from "@/components/candidates/hit-list";
import { ScoreExplanation } from "@/components/candidates/score-explanation";
import { LinksPanel } from "@/components/candidates/links-panel";
import { ClusterSection } from "@/components/candidates/cluster-section";
import { getCandidateCluster } from "@/lib/server/linkage/get-candidate-cluster";
import { ScoreHistoryChart } from "@/components/candidates/score-history-chart";
import type { LinkView } from "@/components/candidates/types";
import { BandBadge, StageBadge } from "@/components/ui/badges";
import { CATEGORY_TITLES, SOURCES } from "@/lib/engine";
import { IP_DATA_ATTRIBUTION } from "@/lib/enrichment/ip";
import { roleHasPermission } from "@/lib/permissions";
import { DECISION_LABELS, REVIEW_OUTCOMES, type DecisionOutcome } from "@/lib/schemas/decision";
import { randomUUID } from "node:crypto";
import { VerificationStepItem } from "@/components/candidates/verification-step-item";
import { ExplainFlagForm } from "@/components/candidates/explain-flag-form";
import { ReviewExplanationForm } from "@/components/candidates/review-explanation-form";
import { explainFlagAction, recordDecisionAction, recordVerificationAction, reviewExplanationAction } from "./actions";
import { countryName } from "@/lib/countries";
import { isAppError } from "@/lib/errors";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getCandidate } from "@/lib/server/candidates/get-candidate";
import { getRequestMeta } from "@/lib/server/request-meta";
import { getCandidateCaseLink, getCandidateCaseStatus } from "@/lib/server/cases/get-candidate-case-status";

export const metadata: Metadata = { title: "Candidate" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const AUDIT_LABELS: Record<string, string> = {
  "candidate.created": "Created",
  "candidate.viewed": "Viewed",
  "candidate.screened": "Screened",
  "candidate.decision_recorded": "Decision recorded",
  "candidate.flag_explained": "Flag explained",
  "candidate.explanation_accepted": "Explanation accepted",
  "candidate.explanation_rejected": "Explanation rejected",
};

const REVIEW_STATUS_LABELS = { UNDER_REVIEW: "Under security review", CLEARED: "Cleared", NOT_CLEARED: "Not cleared", REFERRED: "Referred" } as const;

const REVIEW_MESSAGES: Record<string, string> = {
  accepted: "Explanation accepted and the candidate screened again: the flag is no longer scored for this finding.",
  "accepted-later": "Explanation accepted. The candidate could not be screened again just now: it applies from the next screening.",
  rejected: "Explanation rejected. The flag keeps counting.",
};

const OUTCOME_HINTS: Record<DecisionOutcome, string> = {
  PROCEED: "Continue the process; the flags were explained or ruled out.",
  HOLD: "Pause until a verification step is done.",
  REFER_TO_SECURITY: "Ask a security analyst to review before going further.",
  CLEARED: "Security review found the concerns explained.",
  NOT_CLEARED: "Security review could not clear the concerns.",
};

export default async function CandidatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; screened?: string; review?: string }> }) {
  const { id } = await params;
  const { created, screened, review } = await searchParams;
  const reviewMessage = review ? REVIEW_MESSAGES[review] : undefined;
  const actor = await requirePageActor("candidates.read", `/candidates/${id}`);
  let data;
  try {
    data = await getCandidate({ actor, candidateId: id, meta: await getRequestMeta() });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { candidate, auditTrail, screenings, latest, links, decisions, explanations, bandThresholds: thresholds } = data;
  // Security reviewers see the whole cluster (two hops), drawn and tabulated; recruiters see direct links only.
  const cluster = roleHasPermission(actor.role, "links.graph") ? await getCandidateCluster({ actor, candidateId: candidate.id }) : null;
  // The review case: a reviewer gets a link to it; anyone else only its status and "proceed / do not proceed".
  const reviewCase = roleHasPermission(actor.role, "cases.read") ? await getCandidateCaseLink({ actor, candidateId: candidate.id }) : await getCandidateCaseStatus({ actor, candidateId: candidate.id });
  const canExplain = roleHasPermission(actor.role, "flags.explain");
  const canReview = roleHasPermission(actor.role, "flags.review");
  const ruleTitles = new Map([...(latest?.hits ?? []), ...(latest?.suppressed ?? [])].map((h) => [h.ruleId, h.title]));
  const outcomes = (Object.keys(DECISION_LABELS) as DecisionOutcome[])
    // Security outcomes are the review case's closure (four-eyes), not a decision here.
    .filter((o) => !REVIEW_OUTCOMES.includes(o) && roleHasPermission(actor.role, "candidates.decide"))
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
      {reviewMessage ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {reviewMessage}
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
              <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700" aria-labelledby="suppressed-heading">
                <p id="suppressed-heading" className="font-medium">Not scored in this screening:</p>
                <ul className="mt-1 space-y-2">
                  {latest.suppressed.map((x) => (
                    <li key={x.ruleId} data-testid={`suppressed-${x.ruleId}`} className="border-l-2 border-slate-300 pl-3">
                      <p>
                        <span className="font-medium">{x.title}</span>: {x.reason}
                      </p>
                      {x.explanation ? (
                        <>
                          <p className="mt-1 text-slate-700">
                            Explained by {x.explanation.explainedBy} on {dateFormat.format(new Date(x.explanation.explainedAt))} UTC: “{x.explanation.explanation}”
                            {x.explanation.reference ? <> (evidence: {x.explanation.reference})</> : null}
                          </p>
                          <p className="text-slate-700">
                            Accepted by {x.explanation.acceptedBy} on {dateFormat.format(new Date(x.explanation.acceptedAt))} UTC.
                          </p>
                          {x.evidence.length ? (
                            <p className="text-xs text-slate-500">
                              Applies to: {x.evidence.filter((e) => !e.context).map((e) => `${e.label}: ${e.value}`).join(" · ")}. A different finding counts again.
                            </p>
                          ) : null}
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>

          {latest && (explanations.length > 0 || (canExplain && latest.hits.length > 0)) ? (
            <section aria-labelledby="explanations-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <h2 id="explanations-heading" className="text-base font-semibold">Explained flags</h2>
              <p className="mt-1 text-xs text-slate-500">
                An explanation counts once a security analyst or admin other than its author accepts it: the flag is then not scored for the same finding, from the next screening on (the candidate is screened again at once), and the screening shows who accepted it, when and why.
              </p>
              {explanations.length ? (
                <ol className="mt-4 space-y-4 text-sm">
                  {explanations.map((e) => {
                    const status = e.review ? (e.review.outcome === "ACCEPTED" ? "Accepted" : "Rejected") : "Waiting for review";
                    const style = e.review ? (e.review.outcome === "ACCEPTED" ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200") : "bg-amber-50 text-amber-900 ring-amber-200";
                    return (
                      <li key={e.id} className="rounded-lg border border-slate-200 p-4" data-testid={`explanation-${e.ruleId}`} aria-label={`Explanation of ${ruleTitles.get(e.ruleId) ?? e.ruleId}`}>
                        <div className="flex flex-wrap items-center gap-2">
                          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${style}`}>{status}</span>
                          <span className="font-medium">{ruleTitles.get(e.ruleId) ?? e.ruleId}</span>
                        </div>
                        <p className="mt-1 text-slate-800">“{e.explanation}”</p>
                        {e.reference ? <p className="text-slate-700">Evidence: {e.reference}</p> : null}
                        <p className="text-xs text-slate-500">
                          {e.createdBy.name} · {dateFormat.format(e.createdAt)} UTC
                        </p>
                        {e.evidence.length ? (
                          <p className="mt-1 text-xs text-slate-500">
                            Finding explained: {e.evidence.filter((x) => !x.context).map((x) => `${x.label}: ${x.value}`).join(" · ")}
                          </p>
                        ) : null}
                        {e.review ? (
                          <p className="mt-2 text-slate-700">
                            {e.review.outcome === "ACCEPTED" ? "Accepted" : "Rejected"} by {e.review.reviewer.name} on {dateFormat.format(e.review.createdAt)} UTC: {e.review.note}
                          </p>
                        ) : null}
                        {e.review?.outcome === "ACCEPTED" ? (
                          <p className="mt-1 text-xs text-slate-600">
                            {e.appliedInLatest
                              ? "The latest screening does not score this flag because of it."
                              : e.matchesLatestHit
                                ? "It applies from the candidate's next screening."
                                : "The latest screening does not show this finding (the evidence changed or the flag no longer fires); a different finding counts again."}
                          </p>
                        ) : null}
                        {!e.review && canReview ? (
                          e.createdById === actor.id ? (
                            <p className="mt-2 text-xs text-slate-600">You recorded this explanation, so another security analyst or admin must review it.</p>
                          ) : e.matchesLatestHit ? (
                            <ReviewExplanationForm action={reviewExplanationAction} explanationId={e.id} />
                          ) : (
                            <>
                              <p className="mt-2 text-xs text-slate-600">The latest screening found something different for this flag; review it against the finding recorded above.</p>
                              <ReviewExplanationForm action={reviewExplanationAction} explanationId={e.id} />
                            </>
                          )
                        ) : null}
                        {!e.review && !canReview ? <p className="mt-2 text-xs text-slate-600">A security analyst or admin will review it.</p> : null}
                      </li>
                    );
                  })}
                </ol>
              ) : null}
              {canExplain && latest.hits.length > 0 ? (
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <h3 className="text-sm font-semibold">Explain a flag</h3>
                  <div className="mt-2">
                    <ExplainFlagForm action={explainFlagAction} candidateId={candidate.id} screeningId={latest.id} flags={latest.hits.map((h) => ({ ruleId: h.ruleId, title: h.title }))} />
                  </div>
                </div>
              ) : null}
            </section>
          ) : null}

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

          {cluster ? <ClusterSection cluster={cluster} /> : null}
        </div>
        <div className="space-y-6">
          <section aria-labelledby="links-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="links-heading" className="text-base font-semibold">Linked candidates</h2>
            <div className="mt-3">
              <LinksPanel links={linkViews} />
            </div>
          </section>
          <section aria-labelledby="security-review-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="security-review-heading" className="text-base font-semibold">Security review</h2>
            {reviewCase ? (
              <p className="mt-2 text-sm" data-testid="security-review-status">
                <span className="font-medium">{REVIEW_STATUS_LABELS[reviewCase.status]}</span>
                {reviewCase.proceed === null ? "" : reviewCase.proceed ? " — proceed" : " — do not proceed"}
                {"caseId" in reviewCase ? (
                  <>
                    {" · "}
                    <Link href={`/review/${reviewCase.caseId}`} className="text-brand-700 hover:underline">
                      Open the case
                    </Link>
                  </>
                ) : null}
              </p>
            ) : (
              <p className="mt-2 text-sm text-slate-600">No security review case.</p>
            )}
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
