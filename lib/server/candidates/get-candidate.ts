import "server-only";
import type { Corroboration, Evidence, Hit, RecommendedStep } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { readScreeningEnrichment } from "@/lib/schemas/enrichment";
import { storedProfileSchema } from "@/lib/schemas/profile";
import type { RequestMeta } from "../audit/record-audit-event";
import { recordAuditEvent } from "../audit/record-audit-event";
import { actorHasPermission, assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { findCandidateLinks } from "../linkage/find-candidate-links";
import { getPublishedRuleset } from "../rulesets/get-published-ruleset";
import { isUuid } from "@/lib/schemas/uuid";
import type { ScreeningSuppression } from "../explanations/apply-accepted-explanations";
import { evidenceFingerprint } from "../explanations/evidence-fingerprint";

export type GetCandidateOptions = { actor: Actor; candidateId: string; meta?: RequestMeta };

/**
 * One candidate for display: profile, latest screening with its hits, the score history, current links to other
 * candidates and the audit trail. Records the view in the audit trail (who looked at whom is evidence too).
 */
export async function getCandidate({ actor, candidateId, meta }: GetCandidateOptions) {
  assertPermission(actor, "candidates.read");
  if (!isUuid(candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  const db = getDb();
  // Outside the transaction: the embedded database has one connection, which the transaction holds.
  const { ruleset } = await getPublishedRuleset(db);
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({
      where: { id: candidateId },
      select: {
        id: true,
        externalId: true,
        fullName: true,
        email: true,
        phone: true,
        claimedCity: true,
        claimedRegion: true,
        claimedCountry: true,
        stage: true,
        profile: true,
        latestScore: true,
        latestBand: true,
        createdAt: true,
        updatedAt: true,
        createdBy: { select: { name: true, email: true } },
      },
    });
    if (!candidate) throw new AppError("NOT_FOUND", "No candidate with that id.");
    await recordAuditEvent(tx, { actorId: actor.id, action: "candidate.viewed", subjectType: "Candidate", subjectId: candidate.id, meta });
    const screenings = await tx.screening.findMany({
      where: { candidateId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true, stage: true, score: true, band: true, engineVersion: true, trigger: true, rulesetVersion: { select: { version: true } } },
    });
    const latestRow = screenings.length
      ? await tx.screening.findUniqueOrThrow({ where: { id: screenings[screenings.length - 1].id }, select: { hits: true, details: true } })
      : null;
    const links = await findCandidateLinks(tx, { candidateId });
    const decisions = await tx.decision.findMany({
      where: { candidateId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, outcome: true, rationale: true, createdAt: true, actor: { select: { name: true } } },
    });
    const explanationRows = await tx.flagExplanation.findMany({
      where: { candidateId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        ruleId: true,
        evidenceFingerprint: true,
        evidence: true,
        explanation: true,
        reference: true,
        createdAt: true,
        createdById: true,
        createdBy: { select: { name: true } },
        review: { select: { outcome: true, note: true, createdAt: true, reviewer: { select: { name: true } } } },
      },
    });
    // The audit trail is for those who hold audit.read (security analysts, admins): recruiters get none of it.
    const auditTrail = actorHasPermission(actor, "audit.read")
      ? await tx.auditEvent.findMany({
          where: { subjectType: "Candidate", subjectId: candidate.id },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take: 25,
          select: { id: true, at: true, action: true, actor: { select: { name: true } } },
        })
      : null;
    const latest = latestRow
      ? {
          ...screenings[screenings.length - 1],
          hits: latestRow.hits as unknown as Hit[],
          suppressed: ((latestRow.details as { suppressed?: ScreeningSuppression[] }).suppressed ?? []) as ScreeningSuppression[],
          verificationSteps: ((latestRow.details as { verificationSteps?: RecommendedStep[] }).verificationSteps ?? []) as RecommendedStep[],
          /** How corroboration shaped the score (engine-2 rulesets); null for engine-1 screenings. */
          corroboration: ((latestRow.details as { corroboration?: Corroboration | null }).corroboration ?? null) as Corroboration | null,
          /** What the data sources said when it ran; null for a screening from before that was kept. */
          enrichment: readScreeningEnrichment(latestRow.details),
        }
      : null;
    // Whether each explanation still describes what the latest screening found (same rule, same evidence).
    const latestFingerprints = new Map((latest?.hits ?? []).map((h) => [h.ruleId, evidenceFingerprint(h.evidence)]));
    const suppressedByExplanation = new Set((latest?.suppressed ?? []).flatMap((x) => (x.explanation ? [x.explanation.id] : [])));
    const explanations = explanationRows.map(({ evidenceFingerprint: fingerprint, evidence, ...e }) => ({
      ...e,
      evidence: evidence as unknown as Evidence[],
      /** This explanation's finding is a flag of the latest screening (it can be reviewed against what is shown). */
      matchesLatestHit: latestFingerprints.get(e.ruleId) === fingerprint,
      /** The latest screening suppressed its hit because of it. */
      appliedInLatest: suppressedByExplanation.has(e.id),
    }));
    const parsedProfile = storedProfileSchema.safeParse(candidate.profile ?? {});
    const profile = parsedProfile.success ? parsedProfile.data : {};
    return {
      candidate: { ...candidate, profile },
      screenings,
      latest,
      links,
      decisions,
      explanations,
      bandThresholds: ruleset.config.bandThresholds,
      auditTrail: auditTrail ? auditTrail.map((e) => ({ ...e, id: e.id.toString() })) : null,
    };
  });
}
