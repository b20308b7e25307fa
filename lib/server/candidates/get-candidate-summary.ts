import "server-only";
import { AppError } from "@/lib/errors";
import { storedProfileSchema } from "@/lib/schemas/profile";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { isUuid } from "@/lib/schemas/uuid";

export type GetCandidateSummaryOptions = { actor: Actor; candidateId: string; meta?: RequestMeta };

/** One candidate's columns and stored profile, for the API. The view is audited like every other view. */
export async function getCandidateSummary({ actor, candidateId, meta }: GetCandidateSummaryOptions) {
  assertPermission(actor, "candidates.read");
  if (!isUuid(candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  return getDb().$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({
      where: { id: candidateId },
      select: {
        id: true,
        externalId: true,
        fullName: true,
        email: true,
        stage: true,
        latestScore: true,
        latestBand: true,
        createdAt: true,
        updatedAt: true,
        profile: true,
      },
    });
    if (!candidate) throw new AppError("NOT_FOUND", "No candidate with that id.");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidate.viewed",
      subjectType: "Candidate",
      subjectId: candidate.id,
      after: { via: "api", apiKeyId: actor.via?.apiKeyId ?? null },
      meta,
    });
    const profile = storedProfileSchema.safeParse(candidate.profile ?? {});
    return { ...candidate, profile: profile.success ? profile.data : {} };
  });
}
