import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseActionForm } from "@/components/review/case-action-form";
import { BandBadge, StageBadge } from "@/components/ui/badges";
import { CASE_REASON_CODES, CASE_STATUS_LABELS, CLOSED_CASE_STATUSES, REFERRAL_TARGET_LABELS, REFERRAL_TARGETS, reasonCodesFor, type CaseReasonCode } from "@/lib/cases";
import { isAppError } from "@/lib/errors";
import { roleHasPermission } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getReviewCase } from "@/lib/server/cases/get-review-case";
import { ClusterSection } from "@/components/candidates/cluster-section";
import { getCandidateCluster } from "@/lib/server/linkage/get-candidate-cluster";
import { getRequestMeta } from "@/lib/server/request-meta";
import { addCaseNoteAction, assignCasesAction, proposeCaseClosureAction, reviewCaseClosureAction, startCaseReviewAction } from "../actions";

export const metadata: Metadata = { title: "Review case" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const EVENT_LABELS: Record<string, string> = {
  opened: "Opened",
  reopened: "Re-opened",
  review_started: "Review started",
  closure_proposed: "Closure proposed",
  closure_approved: "Closure approved",
  closure_rejected: "Closure sent back",
  closed: "Closed",
};

const OUTCOME_LABELS = { CLEARED: "Cleared — proceed", NOT_CLEARED: "Not cleared — do not proceed", REFERRED: "Referred (compliance or law enforcement)" } as const;

const textarea = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const card = "rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200";

export default async function ReviewCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("cases.read", `/review/${id}`);
  let c;
  try {
    c = await getReviewCase({ actor, caseId: id, meta: await getRequestMeta() });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const canManage = roleHasPermission(actor.role, "cases.manage");
  // The candidate's cluster (two hops), drawn and tabulated: what a laptop farm looks like from this case.
  const cluster = roleHasPermission(actor.role, "links.graph") ? await getCandidateCluster({ actor, candidateId: c.candidate.id }) : null;
  const open = c.status === "OPEN" || c.status === "IN_REVIEW" || c.status === "PENDING_APPROVAL";
  const ownProposal = c.pendingProposal?.proposerId === actor.id;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/review" className="text-sm text-brand-700 hover:underline">
          ← Review queue
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Case: {c.candidate.fullName}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span data-testid="case-status" className="font-semibold text-slate-900">
              {CASE_STATUS_LABELS[c.status]}
              {c.referralTarget ? ` to ${REFERRAL_TARGET_LABELS[c.referralTarget as keyof typeof REFERRAL_TARGET_LABELS]}` : ""}
            </span>
            · <BandBadge band={c.latestBand} score={c.latestScore} /> (opened at {c.bandAtOpen.toLowerCase()} · {c.scoreAtOpen}
            {c.openedBy === "REFERRAL" ? ", referred by a recruiter" : ", review threshold"}) · <StageBadge stage={c.candidate.stage} />
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Opened {dateFormat.format(c.openedAt)} · due {dateFormat.format(c.dueAt)}
            {c.closedAt ? ` · closed ${dateFormat.format(c.closedAt)}` : ""}
            {c.reopenCount ? ` · re-opened ${c.reopenCount}×` : ""} · assignee <span data-testid="case-assignee">{c.assignee?.name ?? "nobody"}</span>
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <Link href={`/candidates/${c.candidate.id}`} className="text-sm font-semibold text-brand-700 hover:underline">
            Open the candidate →
          </Link>
          <a href={`/api/review/cases/${c.id}/evidence-pack`} download className="text-sm text-brand-700 hover:underline">
            Download evidence pack (JSON)
          </a>
          <a href={`/api/review/cases/${c.id}/evidence-pack?format=html`} download className="text-sm text-brand-700 hover:underline">
            Evidence pack, printable (HTML)
          </a>
          {roleHasPermission(actor.role, "audit.read") ? (
            <Link href={`/audit?${new URLSearchParams({ category: "all", subjectType: "ReviewCase", subject: c.id })}`} className="text-sm text-brand-700 hover:underline">
              This case in the audit log →
            </Link>
          ) : null}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="case-candidate" className={card}>
            <h2 id="case-candidate" className="text-base font-semibold">Candidate</h2>
            <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
              <dt className="text-slate-500">Email</dt>
              <dd>{c.candidate.email}</dd>
              <dt className="text-slate-500">Claimed location</dt>
              <dd>{c.candidate.claimedLocation ?? "—"}</dd>
              <dt className="text-slate-500">Linked candidates</dt>
              <dd>{c.linkedCandidateIds.length}</dd>
            </dl>
          </section>

          <section aria-labelledby="case-hits" className={card}>
            <h2 id="case-hits" className="text-base font-semibold">Latest hits</h2>
            {c.hits.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No rule fired on the latest screening.</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {c.hits.map((h) => (
                  <li key={h.ruleId}>
                    <span className="font-medium">{h.title}</span> <span className="text-xs text-slate-500">({h.severity} · {h.indicatorIds.join(", ")})</span>
                  </li>
                ))}
              </ul>
            )}
            {c.hasSanctionsHit ? <p className="mt-2 text-sm font-medium text-red-800">Sanctions hit: clearing this candidate needs a second analyst&apos;s approval.</p> : null}
          </section>

          {cluster ? <ClusterSection cluster={cluster} /> : null}

          <section aria-labelledby="case-notes" className={card}>
            <h2 id="case-notes" className="text-base font-semibold">Notes</h2>
            {c.notes.length === 0 ? <p className="mt-2 text-sm text-slate-600">No notes yet.</p> : null}
            <ol className="mt-2 space-y-3" data-testid="case-notes">
              {c.notes.map((n) => (
                <li key={n.id} className="rounded-md bg-slate-50 p-3 text-sm">
                  <p className="whitespace-pre-wrap">{n.body}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {n.authorName} · {dateFormat.format(n.createdAt)}
                  </p>
                </li>
              ))}
            </ol>
            {canManage ? (
              <div className="mt-4">
                <CaseActionForm action={addCaseNoteAction} label="Add a note" hidden={{ caseId: c.id }} submitLabel="Add note" pendingLabel="Adding…" success="Note added.">
                  <label htmlFor="case-note" className="block text-sm font-medium text-slate-800">
                    New note (plain text; notes can&apos;t be edited or deleted)
                  </label>
                  <textarea id="case-note" name="body" rows={3} className={textarea} />
                </CaseActionForm>
              </div>
            ) : null}
          </section>

          <section aria-labelledby="case-history" className={card}>
            <h2 id="case-history" className="text-base font-semibold">History</h2>
            <ol className="mt-2 space-y-3 text-sm" data-testid="case-history">
              {c.transitions.map((t) => (
                <li key={t.id}>
                  <p>
                    <span className="font-medium">{EVENT_LABELS[t.event] ?? t.event}</span>
                    {t.outcome ? ` — ${CASE_STATUS_LABELS[t.outcome as keyof typeof CASE_STATUS_LABELS]}` : ""}
                    {t.referralTarget ? ` to ${REFERRAL_TARGET_LABELS[t.referralTarget as keyof typeof REFERRAL_TARGET_LABELS]}` : ""}{" "}
                    <span className="text-xs text-slate-500">
                      · {t.actorName ?? "system (screening)"} · {dateFormat.format(t.createdAt)}
                      {t.band ? ` · ${t.band.toLowerCase()} ${t.score}` : ""}
                      {t.approverName ? ` · proposed by ${t.proposerName}, approved by ${t.approverName}` : ""}
                    </span>
                  </p>
                  {t.rationale ? <p className="whitespace-pre-wrap text-slate-700">{t.rationale}</p> : null}
                  {t.reasonCodes.length ? <p className="text-xs text-slate-600">Reasons: {t.reasonCodes.join(", ")}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        {canManage && open ? (
          <aside className="space-y-6">
            <section aria-labelledby="case-assign" className={card}>
              <h2 id="case-assign" className="text-base font-semibold">Assignee</h2>
              <CaseActionForm action={assignCasesAction} label="Assign the case" hidden={{ caseIds: c.id }} submitLabel="Assign" pendingLabel="Assigning…" variant="secondary" success="Assignment saved.">
                <select name="assignee" aria-label="Assign to" defaultValue={c.assignee?.id === actor.id ? "me" : (c.assignee?.id ?? "me")} className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                  <option value="me">Me</option>
                  {c.assignees
                    .filter((a) => a.id !== actor.id)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  <option value="">Nobody</option>
                </select>
              </CaseActionForm>
            </section>

            {c.status === "OPEN" ? (
              <section aria-labelledby="case-start" className={card}>
                <h2 id="case-start" className="text-base font-semibold">Review</h2>
                <CaseActionForm action={startCaseReviewAction} label="Start the review" hidden={{ caseId: c.id }} submitLabel="Start review" pendingLabel="Starting…" />
              </section>
            ) : null}

            {c.status === "IN_REVIEW" ? (
              <section aria-labelledby="case-close" className={card}>
                <h2 id="case-close" className="text-base font-semibold">Propose a closure</h2>
                <CaseActionForm action={proposeCaseClosureAction} label="Propose a closure" hidden={{ caseId: c.id, screeningId: c.latestScreeningId ?? "" }} submitLabel="Propose closure" pendingLabel="Recording…">
                  <fieldset>
                    <legend className="text-sm font-medium text-slate-800">Outcome</legend>
                    {CLOSED_CASE_STATUSES.map((o) => (
                      <label key={o} className="mt-1 flex items-start gap-2 text-sm">
                        <input type="radio" name="outcome" value={o} className="mt-1" />
                        <span>
                          {OUTCOME_LABELS[o]}
                          <span className="block text-xs text-slate-500">{c.needsApproval[o] ? "Needs a second analyst's approval" : "Closes at once"}</span>
                        </span>
                      </label>
                    ))}
                  </fieldset>
                  <label className="block text-sm">
                    <span className="font-medium text-slate-800">Referred to (referrals only)</span>
                    <select name="referralTarget" defaultValue="" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                      <option value="">—</option>
                      {REFERRAL_TARGETS.map((t) => (
                        <option key={t} value={t}>
                          {REFERRAL_TARGET_LABELS[t]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <fieldset>
                    <legend className="text-sm font-medium text-slate-800">Reason codes (at least one that fits the outcome)</legend>
                    {(Object.keys(CASE_REASON_CODES) as CaseReasonCode[]).map((code) => (
                      <label key={code} className="mt-1 flex items-start gap-2 text-xs">
                        <input type="checkbox" name={`reasonCode.${code}`} className="mt-0.5" />
                        <span>
                          <span className="font-mono">{code}</span> — {CASE_REASON_CODES[code].label}{" "}
                          <span className="text-slate-500">({CLOSED_CASE_STATUSES.filter((o) => reasonCodesFor(o).includes(code)).map((o) => CASE_STATUS_LABELS[o].toLowerCase()).join(", ")})</span>
                        </span>
                      </label>
                    ))}
                  </fieldset>
                  <label htmlFor="case-rationale" className="block text-sm font-medium text-slate-800">
                    Rationale
                  </label>
                  <textarea id="case-rationale" name="rationale" rows={4} className={textarea} placeholder="What you checked, what you found, and why this outcome follows." />
                </CaseActionForm>
              </section>
            ) : null}

            {c.pendingProposal ? (
              <section aria-labelledby="case-approve" className={card}>
                <h2 id="case-approve" className="text-base font-semibold">Closure awaiting approval</h2>
                <p className="mt-2 text-sm">
                  <span className="font-medium">{OUTCOME_LABELS[c.pendingProposal.outcome]}</span>
                  {c.pendingProposal.referralTarget ? ` to ${REFERRAL_TARGET_LABELS[c.pendingProposal.referralTarget as keyof typeof REFERRAL_TARGET_LABELS]}` : ""}, proposed by{" "}
                  {c.pendingProposal.proposerName}.
                </p>
                <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{c.pendingProposal.rationale}</p>
                <p className="mt-1 text-xs text-slate-600">Reasons: {c.pendingProposal.reasonCodes.join(", ")}</p>
                {ownProposal ? (
                  <p className="mt-3 text-sm text-slate-700">You proposed this closure: a second security analyst or administrator must approve it.</p>
                ) : (
                  <div className="mt-3">
                    <CaseActionForm action={reviewCaseClosureAction} label="Approve or send back the closure" hidden={{ caseId: c.id }} submitLabel="Record" pendingLabel="Recording…">
                      <fieldset>
                        <legend className="text-sm font-medium text-slate-800">Your decision</legend>
                        <label className="mt-1 flex items-center gap-2 text-sm">
                          <input type="radio" name="decision" value="approve" /> Approve the closure
                        </label>
                        <label className="mt-1 flex items-center gap-2 text-sm">
                          <input type="radio" name="decision" value="reject" /> Send it back to review
                        </label>
                      </fieldset>
                      <label htmlFor="case-approval-rationale" className="block text-sm font-medium text-slate-800">
                        Rationale
                      </label>
                      <textarea id="case-approval-rationale" name="rationale" rows={3} className={textarea} />
                    </CaseActionForm>
                  </div>
                )}
              </section>
            ) : null}
          </aside>
        ) : null}
      </div>
    </div>
  );
}
