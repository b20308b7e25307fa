import "server-only";
import { isOpenCaseStatus, type CaseStatus } from "@/lib/cases";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import type { Actor } from "../auth/authorization";
import type { Tx } from "../db";
import { caseDueAt } from "./case-sla";

export type OpenReferralCaseOptions = { actor: Actor; candidateId: string; rationale: string; meta?: RequestMeta };

/**
 * "Refer to security": opens a case for the candidate in the caller's transaction (the decision's), whatever the
 * band, or re-opens the closed one (a person's referral is new information); an open case is left as it is. The
 * candidate row is locked first, as the screening write does, so a referral and a screening never both open one.
 */
export async function openReferralCase(tx: Tx, { actor, candidateId, rationale, meta }: OpenReferralCaseOptions) {
  await tx.$queryRaw`SELECT 1 FROM candidates WHERE id = ${candidateId}::uuid FOR NO KEY UPDATE`;
  const candidate = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { latestBand: true, latestScore: true } });
  const screening = await tx.screening.findFirst({ where: { candidateId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  const band = candidate.latestBand ?? "CLEAR";
  const score = candidate.latestScore ?? 0;
  const existing = await tx.reviewCase.findFirst({
    where: { candidateId, kind: "CANDIDATE" },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true },
  });
  const openCase = await tx.reviewCase.findFirst({ where: { candidateId, kind: "CANDIDATE", status: { in: ["OPEN", "IN_REVIEW", "PENDING_APPROVAL"] } }, select: { id: true } });
  if (openCase) return { caseId: openCase.id, effect: "unchanged" as const };
  const transition = { actorId: actor.id, toStatus: "OPEN" as const, rationale: `Referred to security: ${rationale}`, screeningId: screening?.id ?? null, band, score };
  if (existing && !isOpenCaseStatus(existing.status)) {
    await tx.reviewCase.update({
      where: { id: existing.id },
      data: { status: "OPEN", referralTarget: null, closedAt: null, reopenCount: { increment: 1 }, dueAt: caseDueAt(band), latestBand: band, latestScore: score, latestScreeningId: screening?.id ?? null, updatedAt: new Date() },
    });
    await tx.caseTransition.create({ data: { ...transition, caseId: existing.id, event: "reopened", fromStatus: existing.status as CaseStatus } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "case.reopened",
      subjectType: "ReviewCase",
      subjectId: existing.id,
      before: { status: existing.status },
      after: { status: "OPEN", candidateId, cause: "REFERRAL", band, score, screeningId: screening?.id ?? null },
      meta,
    });
    return { caseId: existing.id, effect: "reopened" as const };
  }
  const created = await tx.reviewCase.create({
    data: { candidateId, openedBy: "REFERRAL", bandAtOpen: band, scoreAtOpen: score, latestBand: band, latestScore: score, latestScreeningId: screening?.id ?? null, dueAt: caseDueAt(band) },
    select: { id: true, dueAt: true },
  });
  await tx.caseTransition.create({ data: { ...transition, caseId: created.id, event: "opened", fromStatus: null } });
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: "case.opened",
    subjectType: "ReviewCase",
    subjectId: created.id,
    after: { candidateId, cause: "REFERRAL", band, score, screeningId: screening?.id ?? null, dueAt: created.dueAt.toISOString() },
    meta,
  });
  return { caseId: created.id, effect: "opened" as const };
}
