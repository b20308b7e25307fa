import "server-only";
import type { CaseOutcome, ReferralTarget } from "@/lib/cases";
import { AppError } from "@/lib/errors";
import type { ReviewCaseClosureInput } from "@/lib/schemas/case";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { closeReviewCase } from "./close-review-case";
import { lockReviewCase } from "./lock-review-case";

export type ReviewCaseClosureOptions = { actor: Actor; input: ReviewCaseClosureInput; meta?: RequestMeta };

export type ReviewCaseClosureResult = { caseId: string; candidateId: string; status: CaseOutcome | "IN_REVIEW" };

/**
 * The second pair of eyes on a proposed closure: approve (the case closes with the proposed outcome and reason
 * codes, and an outcome label is written) or send it back to review, with the approver's rationale either way. The
 * proposer can never review their own proposal: refused (FORBIDDEN) before anything is written. An approval is
 * refused (CONFLICT) when the candidate was screened again after the proposal: the proposer decided on something else.
 */
export async function reviewCaseClosure({ actor, input, meta }: ReviewCaseClosureOptions): Promise<ReviewCaseClosureResult> {
  assertPermission(actor, "cases.manage");
  return getDb().$transaction(async (tx) => {
    const c = await lockReviewCase(tx, input.caseId);
    if (c.status !== "PENDING_APPROVAL") throw new AppError("CONFLICT", "There is no closure waiting for approval on this case.");
    const proposal = await tx.caseTransition.findFirst({
      where: { caseId: c.id, event: "closure_proposed" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, proposerId: true, outcome: true, referralTarget: true, reasonCodes: true, rationale: true, screeningId: true },
    });
    if (!proposal?.proposerId || !proposal.outcome) throw new AppError("CONFLICT", "There is no closure waiting for approval on this case.");
    if (proposal.proposerId === actor.id) {
      throw new AppError("FORBIDDEN", "You proposed this closure, so you can't approve or send it back: a second security analyst or administrator must review it (four-eyes). Nothing was recorded.");
    }
    const outcome = proposal.outcome as CaseOutcome;
    const referralTarget = (proposal.referralTarget ?? null) as ReferralTarget | null;
    const base = { caseId: c.id, actorId: actor.id, rationale: input.rationale, proposerId: proposal.proposerId, approverId: actor.id, screeningId: c.latestScreeningId, band: c.latestBand, score: c.latestScore };
    if (input.decision === "reject") {
      await tx.reviewCase.update({ where: { id: c.id }, data: { status: "IN_REVIEW", updatedAt: new Date() } });
      await tx.caseTransition.create({ data: { ...base, event: "closure_rejected", fromStatus: "PENDING_APPROVAL", toStatus: "IN_REVIEW", outcome, referralTarget } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "case.closure_rejected",
        subjectType: "ReviewCase",
        subjectId: c.id,
        before: { status: "PENDING_APPROVAL", proposalId: proposal.id },
        after: { status: "IN_REVIEW", candidateId: c.candidateId, proposedOutcome: outcome, rationale: input.rationale },
        meta,
      });
      return { caseId: c.id, candidateId: c.candidateId, status: "IN_REVIEW" };
    }
    if ((proposal.screeningId ?? null) !== c.latestScreeningId) {
      throw new AppError("CONFLICT", "The candidate was screened again after this closure was proposed. Nothing was recorded: send it back so the proposer can review the new result.");
    }
    const closed = await closeReviewCase(tx, { case: c, outcome, referralTarget, reasonCodes: proposal.reasonCodes, proposerId: proposal.proposerId, decidedById: actor.id });
    await tx.caseTransition.create({ data: { ...base, event: "closure_approved", fromStatus: "PENDING_APPROVAL", toStatus: outcome, outcome, referralTarget, reasonCodes: proposal.reasonCodes } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "case.closure_approved",
      subjectType: "ReviewCase",
      subjectId: c.id,
      before: { status: "PENDING_APPROVAL", proposalId: proposal.id },
      after: { status: outcome, candidateId: c.candidateId, outcome, referralTarget, reasonCodes: proposal.reasonCodes, proposerId: proposal.proposerId, approverId: actor.id, rationale: input.rationale, screeningId: closed.screeningId, labelId: closed.labelId, fourEyes: true },
      meta,
    });
    return { caseId: c.id, candidateId: c.candidateId, status: outcome };
  });
}
