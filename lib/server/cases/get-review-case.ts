import "server-only";
import { closureNeedsApproval, SANCTIONS_RULE_ID, type CaseOutcome, type CaseStatus } from "@/lib/cases";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/uuid";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { listCaseAssignees } from "./list-case-assignees";

export type ReviewCaseHit = { ruleId: string; title: string; severity: string; indicatorIds: string[] };

export type ReviewCaseDetail = {
  id: string;
  status: CaseStatus;
  openedBy: "BAND_THRESHOLD" | "REFERRAL";
  referralTarget: string | null;
  bandAtOpen: string;
  scoreAtOpen: number;
  latestBand: string;
  latestScore: number;
  latestScreeningId: string | null;
  lastReviewedScreeningId: string | null;
  openedAt: Date;
  dueAt: Date;
  closedAt: Date | null;
  reopenCount: number;
  assignee: { id: string; name: string } | null;
  candidate: { id: string; fullName: string; email: string; stage: string; claimedLocation: string | null };
  hits: ReviewCaseHit[];
  hasSanctionsHit: boolean;
  linkedCandidateIds: string[];
  notes: { id: string; body: string; authorName: string; createdAt: Date }[];
  transitions: {
    id: string;
    event: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string | null;
    outcome: string | null;
    referralTarget: string | null;
    rationale: string | null;
    reasonCodes: string[];
    proposerName: string | null;
    approverName: string | null;
    band: string | null;
    score: number | null;
    createdAt: Date;
  }[];
  /** The closure waiting for approval, if any. */
  pendingProposal: { outcome: CaseOutcome; proposerId: string; proposerName: string; rationale: string; reasonCodes: string[]; referralTarget: string | null } | null;
  /** Which outcomes would need a second analyst now. */
  needsApproval: Record<CaseOutcome, boolean>;
  /** Active SECURITY and ADMIN users, for the assign control. */
  assignees: { id: string; name: string }[];
};

/** One case with its candidate, latest hits, notes and history (SECURITY and ADMIN). Viewing it is audited. */
export async function getReviewCase({ actor, caseId, meta }: { actor: Actor; caseId: string; meta?: RequestMeta }): Promise<ReviewCaseDetail> {
  assertPermission(actor, "cases.read");
  if (!isUuid(caseId)) throw new AppError("NOT_FOUND", "No review case with that id.");
  const db = getDb();
  const c = await db.reviewCase.findUnique({
    where: { id: caseId },
    include: {
      assignee: { select: { id: true, name: true } },
      candidate: { select: { id: true, fullName: true, email: true, stage: true, claimedCity: true, claimedRegion: true, claimedCountry: true } },
      notes: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } },
      transitions: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { actor: { select: { name: true } }, proposer: { select: { name: true } }, approver: { select: { name: true } } },
      },
    },
  });
  if (!c || !c.candidate) throw new AppError("NOT_FOUND", "No review case with that id.");
  const screening = c.latestScreeningId ? await db.screening.findUnique({ where: { id: c.latestScreeningId }, select: { hits: true } }) : null;
  const hits = ((screening?.hits ?? []) as { ruleId: string; title?: string; severity?: string; indicatorIds?: string[] }[]).map((h) => ({
    ruleId: h.ruleId,
    title: h.title ?? h.ruleId,
    severity: h.severity ?? "",
    indicatorIds: h.indicatorIds ?? [],
  }));
  const hasSanctionsHit = hits.some((h) => h.ruleId === SANCTIONS_RULE_ID);
  const lastProposal = [...c.transitions].reverse().find((t) => t.event === "closure_proposed");
  const assignees = await listCaseAssignees({ actor });
  await db.$transaction(async (tx) =>
    recordAuditEvent(tx, { actorId: actor.id, action: "case.viewed", subjectType: "ReviewCase", subjectId: c.id, after: { candidateId: c.candidate!.id }, meta }),
  );
  const where = [c.candidate.claimedCity, c.candidate.claimedRegion, c.candidate.claimedCountry].filter(Boolean).join(", ");
  return {
    id: c.id,
    status: c.status,
    openedBy: c.openedBy,
    referralTarget: c.referralTarget,
    bandAtOpen: c.bandAtOpen,
    scoreAtOpen: c.scoreAtOpen,
    latestBand: c.latestBand,
    latestScore: c.latestScore,
    latestScreeningId: c.latestScreeningId,
    lastReviewedScreeningId: c.lastReviewedScreeningId,
    openedAt: c.openedAt,
    dueAt: c.dueAt,
    closedAt: c.closedAt,
    reopenCount: c.reopenCount,
    assignee: c.assignee,
    candidate: { id: c.candidate.id, fullName: c.candidate.fullName, email: c.candidate.email, stage: c.candidate.stage, claimedLocation: where || null },
    hits,
    hasSanctionsHit,
    linkedCandidateIds: c.linkedCandidateIds,
    notes: c.notes.map((n) => ({ id: n.id, body: n.body, authorName: n.author.name, createdAt: n.createdAt })),
    transitions: c.transitions.map((t) => ({
      id: t.id,
      event: t.event,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      actorName: t.actor?.name ?? null,
      outcome: t.outcome,
      referralTarget: t.referralTarget,
      rationale: t.rationale,
      reasonCodes: t.reasonCodes,
      proposerName: t.proposer?.name ?? null,
      approverName: t.approver?.name ?? null,
      band: t.band,
      score: t.score,
      createdAt: t.createdAt,
    })),
    pendingProposal:
      c.status === "PENDING_APPROVAL" && lastProposal?.outcome && lastProposal.proposerId
        ? {
            outcome: lastProposal.outcome,
            proposerId: lastProposal.proposerId,
            proposerName: lastProposal.proposer?.name ?? "",
            rationale: lastProposal.rationale ?? "",
            reasonCodes: lastProposal.reasonCodes,
            referralTarget: lastProposal.referralTarget,
          }
        : null,
    needsApproval: { CLEARED: closureNeedsApproval("CLEARED", hasSanctionsHit), NOT_CLEARED: true, REFERRED: true },
    assignees,
  };
}
