import "server-only";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "../audit/record-audit-event";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

export type GetCandidateOptions = { actor: Actor; candidateId: string; meta?: RequestMeta };

/** Reads one candidate for display and records the view in the audit trail (who looked at whom is evidence too). */
export async function getCandidate({ actor, candidateId, meta }: GetCandidateOptions) {
  assertPermission(actor, "candidates.read");
  if (!/^[0-9a-f-]{36}$/i.test(candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  const db = getDb();
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({
      where: { id: candidateId },
      select: {
        id: true,
        fullName: true,
        email: true,
        phone: true,
        claimedCity: true,
        claimedRegion: true,
        claimedCountry: true,
        stage: true,
        latestScore: true,
        latestBand: true,
        createdAt: true,
        updatedAt: true,
        createdBy: { select: { name: true, email: true } },
      },
    });
    if (!candidate) throw new AppError("NOT_FOUND", "No candidate with that id.");
    await recordAuditEvent(tx, { actorId: actor.id, action: "candidate.viewed", subjectType: "Candidate", subjectId: candidate.id, meta });
    const auditTrail = await tx.auditEvent.findMany({
      where: { subjectType: "Candidate", subjectId: candidate.id },
      orderBy: { at: "desc" },
      take: 20,
      select: { id: true, at: true, action: true, actor: { select: { name: true } } },
    });
    return { candidate, auditTrail: auditTrail.map((e) => ({ ...e, id: e.id.toString() })) };
  });
}
