import "server-only";
import type { Band } from "@/lib/engine";
import { AppError, isAppError } from "@/lib/errors";
import type { ReviewExplanationInput } from "@/lib/schemas/explanation";
import { isUuid } from "@/lib/schemas/uuid";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { submitCandidates } from "../screening/submit-candidates";
import { lockCandidateExplanations } from "./lock-candidate-explanations";

export type ReviewExplanationOptions = { actor: Actor; input: ReviewExplanationInput; meta?: RequestMeta; asOf?: Date };

export type ReviewExplanationResult = {
  candidateId: string;
  explanationId: string;
  outcome: ReviewExplanationInput["outcome"];
  /** The re-screen an acceptance starts at once; null after a rejection. */
  rescreen: { ok: true; screeningId: string; score: number; band: Band } | { ok: false; message: string } | null;
};

/**
 * A security analyst's or admin's decision on an explanation, with why — never on their own explanation (four eyes).
 * The decision and its audit row are written in one transaction and are final (append-only; one per explanation).
 * An acceptance then re-screens the candidate at once through the one submit path (trigger "explanation"), where the
 * hit moves to `suppressed` with who accepted it, when and why. If that re-screen fails, the acceptance stands and
 * applies from the candidate's next screening; the result says so.
 */
export async function reviewExplanation({ actor, input, meta, asOf }: ReviewExplanationOptions): Promise<ReviewExplanationResult> {
  assertPermission(actor, "flags.review");
  if (!isUuid(input.explanationId)) throw new AppError("NOT_FOUND", "No explanation with that id.");
  const reviewed = await getDb().$transaction(async (tx) => {
    const first = await tx.flagExplanation.findUnique({ where: { id: input.explanationId }, select: { candidateId: true } });
    if (!first) throw new AppError("NOT_FOUND", "No explanation with that id.");
    await lockCandidateExplanations(tx, first.candidateId);
    const e = await tx.flagExplanation.findUniqueOrThrow({
      where: { id: input.explanationId },
      select: {
        id: true,
        candidateId: true,
        ruleId: true,
        createdById: true,
        candidate: { select: { stage: true } },
        review: { select: { outcome: true, reviewer: { select: { name: true } } } },
      },
    });
    if (e.createdById === actor.id) {
      throw new AppError("FORBIDDEN", "You recorded this explanation, so someone else must review it: another security analyst or an administrator.");
    }
    if (e.review) {
      throw new AppError("CONFLICT", `This explanation was already ${e.review.outcome === "ACCEPTED" ? "accepted" : "rejected"} by ${e.review.reviewer.name}. Reload the page to see it.`);
    }
    const review = await tx.flagExplanationReview.create({
      data: { explanationId: e.id, outcome: input.outcome, note: input.note, reviewerId: actor.id },
      select: { id: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.outcome === "ACCEPTED" ? "candidate.explanation_accepted" : "candidate.explanation_rejected",
      subjectType: "Candidate",
      subjectId: e.candidateId,
      after: { explanationId: e.id, reviewId: review.id, ruleId: e.ruleId, outcome: input.outcome, note: input.note },
      meta,
    });
    return e;
  });

  let rescreen: ReviewExplanationResult["rescreen"] = null;
  if (input.outcome === "ACCEPTED") {
    const [outcome] = await submitCandidates({
      actor,
      items: [{ candidateId: reviewed.candidateId, submission: { stage: reviewed.candidate.stage, profile: {} }, keepStage: true }],
      trigger: "explanation",
      meta,
      asOf,
      rescreenPermission: "flags.review",
    });
    if (outcome.ok) {
      const a = outcome.result.assessment;
      rescreen = { ok: true, screeningId: outcome.result.screeningId, score: a.score, band: a.band };
    } else {
      if (!isAppError(outcome.error)) console.error("[reviewExplanation] re-screen after acceptance failed", outcome.error);
      rescreen = { ok: false, message: "The explanation was accepted, but the candidate could not be screened again just now: it applies from the candidate's next screening." };
    }
  }
  return { candidateId: reviewed.candidateId, explanationId: reviewed.id, outcome: input.outcome, rescreen };
}
