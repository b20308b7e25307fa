import "server-only";
import { closureNeedsApproval, SANCTIONS_RULE_ID, type CaseOutcome, type ReferralTarget } from "@/lib/cases";
import { AppError } from "@/lib/errors";
import type { ProposeCaseClosureInput } from "@/lib/schemas/case";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, type Tx } from "../db";
import { closeReviewCase } from "./close-review-case";
import { lockReviewCase } from "./lock-review-case";

export type ProposeCaseClosureOptions = { actor: Actor; input: ProposeCaseClosureInput; meta?: RequestMeta };

export type ProposeCaseClosureResult = { caseId: string; candidateId: string; status: "PENDING_APPROVAL" | CaseOutcome; needsApproval: boolean };

/**
 * Close a case in review with an outcome, a rationale and at least one reason code. Four-eyes (ADR 0011): NOT_CLEARED,
 * REFERRED, and CLEARED for a candidate whose latest screening has a sanctions hit wait for a second analyst's
 * approval (PENDING_APPROVAL); any other clearance closes at once. Refused (CONFLICT, nothing written) when the
 * candidate was screened again since the form was rendered.
 */
export async function proposeCaseClosure({ actor, input, meta }: ProposeCaseClosureOptions): Promise<ProposeCaseClosureResult> {
  assertPermission(actor, "cases.manage");
  return getDb().$transaction(async (tx) => {
    const c = await lockReviewCase(tx, input.caseId);
    if (c.status !== "IN_REVIEW") {
      throw new AppError("CONFLICT", c.status === "OPEN" ? "Start the review before closing the case." : c.status === "PENDING_APPROVAL" ? "A closure is already waiting for approval." : "This case is already closed.");
    }
    if (input.screeningId !== undefined && (c.latestScreeningId ?? "") !== input.screeningId) {
      throw new AppError("CONFLICT", "The candidate was screened again since you opened the case. Nothing was recorded: reload to see the new result, then decide.");
    }
    const outcome = input.outcome as CaseOutcome;
    const referralTarget = (input.referralTarget ?? null) as ReferralTarget | null;
    const needsApproval = closureNeedsApproval(outcome, await hasSanctionsHit(tx, c.latestScreeningId));
    const base = { caseId: c.id, actorId: actor.id, outcome, referralTarget, rationale: input.rationale, reasonCodes: input.reasonCodes, proposerId: actor.id, screeningId: c.latestScreeningId, band: c.latestBand, score: c.latestScore };
    if (needsApproval) {
      await tx.reviewCase.update({ where: { id: c.id }, data: { status: "PENDING_APPROVAL", updatedAt: new Date() } });
      await tx.caseTransition.create({ data: { ...base, event: "closure_proposed", fromStatus: "IN_REVIEW", toStatus: "PENDING_APPROVAL" } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "case.closure_proposed",
        subjectType: "ReviewCase",
        subjectId: c.id,
        before: { status: "IN_REVIEW" },
        after: { status: "PENDING_APPROVAL", candidateId: c.candidateId, outcome, referralTarget, reasonCodes: input.reasonCodes, rationale: input.rationale, screeningId: c.latestScreeningId },
        meta,
      });
      return { caseId: c.id, candidateId: c.candidateId, status: "PENDING_APPROVAL", needsApproval };
    }
    const closed = await closeReviewCase(tx, { case: c, outcome, referralTarget, reasonCodes: input.reasonCodes, proposerId: actor.id, decidedById: actor.id });
    await tx.caseTransition.create({ data: { ...base, event: "closed", fromStatus: "IN_REVIEW", toStatus: outcome } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "case.closed",
      subjectType: "ReviewCase",
      subjectId: c.id,
      before: { status: "IN_REVIEW" },
      after: { status: outcome, candidateId: c.candidateId, outcome, reasonCodes: input.reasonCodes, rationale: input.rationale, screeningId: closed.screeningId, labelId: closed.labelId, fourEyes: false },
      meta,
    });
    return { caseId: c.id, candidateId: c.candidateId, status: outcome, needsApproval };
  });
}

async function hasSanctionsHit(tx: Tx, screeningId: string | null): Promise<boolean> {
  if (!screeningId) return false;
  const [row] = await tx.$queryRaw<{ hit: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM screenings s, jsonb_array_elements(s.hits) h WHERE s.id = ${screeningId}::uuid AND h->>'ruleId' = ${SANCTIONS_RULE_ID}) AS hit`;
  return row?.hit ?? false;
}
