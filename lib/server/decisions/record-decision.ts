import "server-only";
import { AppError } from "@/lib/errors";
import { REVIEW_OUTCOMES, type DecisionInput } from "@/lib/schemas/decision";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { isUuid } from "@/lib/schemas/uuid";
import { openReferralCase } from "../cases/open-referral-case";

export type RecordDecisionOptions = { actor: Actor; input: DecisionInput; meta?: RequestMeta };

/**
 * A person's decision with its rationale, tied to the screening they saw (refused with CONFLICT when the candidate
 * has been screened again since the form was rendered). The product never decides by itself: this is the only way
 * an outcome is recorded, and it is append-only.
 */
export async function recordDecision({ actor, input, meta }: RecordDecisionOptions) {
  assertPermission(actor, REVIEW_OUTCOMES.includes(input.outcome) ? "review.decide" : "candidates.decide");
  if (REVIEW_OUTCOMES.includes(input.outcome)) {
    // Since review cases (ADR 0011) the security outcome is the case's closure, where not cleared needs a second
    // analyst: a one-person "not cleared" decision here would go around four-eyes. Stored ones stay readable.
    throw new AppError("VALIDATION", "Security review outcomes are recorded on the candidate's review case, not as a decision.", {
      fieldErrors: { outcome: ["Record cleared / not cleared on the review case (Review queue), where not cleared needs a second analyst's approval"] },
    });
  }
  if (!isUuid(input.candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  return getDb().$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({ where: { id: input.candidateId }, select: { id: true, latestScore: true, latestBand: true } });
    if (!candidate) throw new AppError("NOT_FOUND", "No candidate with that id.");
    const screening = await tx.screening.findFirst({ where: { candidateId: candidate.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    if (input.screeningId !== undefined && (screening?.id ?? null) !== (input.screeningId || null)) {
      throw new AppError(
        "CONFLICT",
        `This candidate was screened again since you opened the page (now ${candidate.latestScore ?? "not scored"}, ${(candidate.latestBand ?? "no band").toLowerCase()}). Nothing was recorded and your rationale is still here: reload the page to review the new result, then record your decision.`,
      );
    }
    const decision = await tx.decision.create({
      data: { candidateId: candidate.id, screeningId: screening?.id ?? null, outcome: input.outcome, rationale: input.rationale, actorId: actor.id },
      select: { id: true, candidateId: true, outcome: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidate.decision_recorded",
      subjectType: "Candidate",
      subjectId: candidate.id,
      after: { decisionId: decision.id, outcome: input.outcome, rationale: input.rationale, screeningId: screening?.id ?? null, score: candidate.latestScore, band: candidate.latestBand },
      meta,
    });
    // "Refer to security" opens (or re-opens) the candidate's review case in the same transaction (ADR 0011).
    if (input.outcome === "REFER_TO_SECURITY") await openReferralCase(tx, { actor, candidateId: candidate.id, rationale: input.rationale, meta });
    return decision;
  });
}
