import "server-only";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { lockReviewCase } from "./lock-review-case";

export type StartCaseReviewOptions = { actor: Actor; caseId: string; meta?: RequestMeta };

/**
 * OPEN → IN_REVIEW. The case is assigned to whoever starts it if nobody has it, and the latest screening becomes the
 * "last reviewed" one the queue compares later screenings with.
 */
export async function startCaseReview({ actor, caseId, meta }: StartCaseReviewOptions) {
  assertPermission(actor, "cases.manage");
  return getDb().$transaction(async (tx) => {
    const c = await lockReviewCase(tx, caseId);
    if (c.status !== "OPEN") throw new AppError("CONFLICT", c.status === "IN_REVIEW" ? "This case is already in review." : "Only an open case can be started.");
    const assigneeId = c.assigneeId ?? actor.id;
    await tx.reviewCase.update({
      where: { id: c.id },
      data: { status: "IN_REVIEW", assigneeId, lastReviewedScreeningId: c.latestScreeningId, updatedAt: new Date() },
    });
    await tx.caseTransition.create({
      data: { caseId: c.id, event: "review_started", fromStatus: "OPEN", toStatus: "IN_REVIEW", actorId: actor.id, screeningId: c.latestScreeningId, band: c.latestBand, score: c.latestScore },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "case.review_started",
      subjectType: "ReviewCase",
      subjectId: c.id,
      before: { status: "OPEN", assigneeId: c.assigneeId },
      after: { status: "IN_REVIEW", assigneeId, candidateId: c.candidateId, screeningId: c.latestScreeningId },
      meta,
    });
    return { caseId: c.id, status: "IN_REVIEW" as const };
  });
}
