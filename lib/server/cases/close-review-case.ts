import "server-only";
import type { CaseOutcome, ReferralTarget } from "@/lib/cases";
import { AppError } from "@/lib/errors";
import type { Tx } from "../db";
import type { LockedCase } from "./lock-review-case";

export type CloseReviewCaseOptions = {
  case: LockedCase;
  outcome: CaseOutcome;
  referralTarget: ReferralTarget | null;
  reasonCodes: string[];
  proposerId: string;
  /** Who made it final: the approver under four-eyes, else the proposer. */
  decidedById: string;
};

/**
 * The closing write shared by a direct closure and an approved one: the case's status and what the re-open rules
 * compare with (band decided on, linked candidates known), and the outcome label for ruleset backtests. Runs in the
 * caller's transaction, which has locked the case and writes the transition and audit event.
 */
export async function closeReviewCase(tx: Tx, o: CloseReviewCaseOptions) {
  const c = o.case;
  if (!c.latestScreeningId) throw new AppError("CONFLICT", "This candidate has no screening to decide on yet.");
  const screening = await tx.screening.findUniqueOrThrow({ where: { id: c.latestScreeningId }, select: { id: true, rulesetVersionId: true, band: true, score: true } });
  const now = new Date();
  await tx.reviewCase.update({
    where: { id: c.id },
    data: {
      status: o.outcome,
      referralTarget: o.outcome === "REFERRED" ? o.referralTarget : null,
      closedAt: now,
      decidedBand: c.latestBand,
      decidedLinkedIds: c.linkedCandidateIds,
      lastReviewedScreeningId: c.latestScreeningId,
      updatedAt: now,
    },
  });
  const label = await tx.caseOutcomeLabel.create({
    data: {
      caseId: c.id,
      candidateId: c.candidateId,
      screeningId: screening.id,
      rulesetVersionId: screening.rulesetVersionId,
      outcome: o.outcome,
      referralTarget: o.outcome === "REFERRED" ? o.referralTarget : null,
      reasonCodes: o.reasonCodes,
      band: screening.band,
      score: screening.score,
      decidedById: o.decidedById,
      proposedById: o.proposerId,
      decidedAt: now,
    },
    select: { id: true },
  });
  return { labelId: label.id, screeningId: screening.id };
}
