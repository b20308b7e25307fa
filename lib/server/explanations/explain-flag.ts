import "server-only";
import type { Hit } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { ExplainFlagInput } from "@/lib/schemas/explanation";
import { isUuid } from "@/lib/schemas/uuid";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { evidenceFingerprint } from "./evidence-fingerprint";
import { lockCandidateExplanations } from "./lock-candidate-explanations";

export type ExplainFlagOptions = { actor: Actor; input: Omit<ExplainFlagInput, "reference"> & { reference?: string | null }; meta?: RequestMeta };

/**
 * Records a person's explanation of one hit of the candidate's latest screening, with a reference to its evidence.
 * It changes no score by itself: a security analyst or admin other than its author must accept it
 * (review-explanation.ts). Refused when the candidate was screened again since the page was rendered, when the flag
 * is not in that screening, or when the same finding already has an explanation waiting for review.
 */
export async function explainFlag({ actor, input, meta }: ExplainFlagOptions) {
  assertPermission(actor, "flags.explain");
  if (!isUuid(input.candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  return getDb().$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({ where: { id: input.candidateId }, select: { id: true } });
    if (!candidate) throw new AppError("NOT_FOUND", "No candidate with that id.");
    await lockCandidateExplanations(tx, candidate.id);
    const latest = await tx.screening.findFirst({
      where: { candidateId: candidate.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, hits: true },
    });
    if (!latest || latest.id !== input.screeningId.toLowerCase()) {
      throw new AppError("CONFLICT", "This candidate was screened again since you opened the page. Nothing was recorded and your text is still here: reload the page to see the new flags, then explain the one that is still there.");
    }
    const hit = (latest.hits as unknown as Hit[]).find((h) => h.ruleId === input.ruleId);
    if (!hit) throw new AppError("VALIDATION", "That flag is not in the latest screening.", { fieldErrors: { ruleId: ["That flag is not in the latest screening"] } });
    const fingerprint = evidenceFingerprint(hit.evidence);
    const open = await tx.flagExplanation.findFirst({
      where: { candidateId: candidate.id, ruleId: hit.ruleId, evidenceFingerprint: fingerprint, review: { is: null } },
      select: { id: true, createdBy: { select: { name: true } } },
    });
    if (open) {
      throw new AppError("CONFLICT", `An explanation of this flag by ${open.createdBy.name} is already waiting for review. A security analyst or admin can accept or reject it; add to it after that.`);
    }
    const evidence = hit.evidence.map((e) => (e.context ? { label: e.label, value: e.value, context: true as const } : { label: e.label, value: e.value }));
    const explanation = await tx.flagExplanation.create({
      data: {
        candidateId: candidate.id,
        screeningId: latest.id,
        ruleId: hit.ruleId,
        evidenceFingerprint: fingerprint,
        evidence,
        explanation: input.explanation,
        reference: input.reference ?? null,
        createdById: actor.id,
      },
      select: { id: true, candidateId: true, ruleId: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidate.flag_explained",
      subjectType: "Candidate",
      subjectId: candidate.id,
      after: { explanationId: explanation.id, ruleId: hit.ruleId, screeningId: latest.id, explanation: input.explanation, reference: input.reference ?? null },
      meta,
    });
    return explanation;
  });
}
