import "server-only";
import type { Hit } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { readScreeningEnrichment } from "@/lib/schemas/enrichment";
import { isUuid } from "@/lib/schemas/uuid";
import type { ScreeningSuppression } from "../explanations/apply-accepted-explanations";

export type ListCandidateScreeningsOptions = { actor: Actor; candidateId: string; meta?: RequestMeta };

/**
 * Every screening of one candidate, newest first, with its hits, the ruleset and engine versions it used, and what the
 * enrichment sources said (null for screenings from before that was kept).
 */
export async function listCandidateScreenings({ actor, candidateId, meta }: ListCandidateScreeningsOptions) {
  assertPermission(actor, "candidates.read");
  if (!isUuid(candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  return getDb().$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
    if (!candidate) throw new AppError("NOT_FOUND", "No candidate with that id.");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidate.viewed",
      subjectType: "Candidate",
      subjectId: candidate.id,
      after: { via: "api", apiKeyId: actor.via?.apiKeyId ?? null, view: "screenings" },
      meta,
    });
    const rows = await tx.screening.findMany({
      where: { candidateId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        createdAt: true,
        stage: true,
        score: true,
        band: true,
        hits: true,
        engineVersion: true,
        trigger: true,
        details: true,
        rulesetVersion: { select: { version: true } },
      },
    });
    return rows.map(({ rulesetVersion, hits, details, ...row }) => ({
      ...row,
      hits: hits as unknown as Hit[],
      suppressed: ((details as { suppressed?: ScreeningSuppression[] } | null)?.suppressed ?? []) as ScreeningSuppression[],
      rulesetVersion: rulesetVersion.version,
      enrichment: readScreeningEnrichment(details),
    }));
  });
}
