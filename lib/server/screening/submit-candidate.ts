import "server-only";
import { randomUUID } from "node:crypto";
import { evaluate, type Assessment } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { Stage } from "@/lib/schemas/candidate";
import { storedProfileSchema, type CandidateSubmission, type StoredProfile } from "@/lib/schemas/profile";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, Prisma, type Tx } from "../db";
import { withIdempotency } from "../idempotency";
import { findCandidateLinks } from "../linkage/find-candidate-links";
import { recordCandidateLinkage } from "../linkage/record-candidate-linkage";
import { getPublishedRuleset } from "../rulesets/get-published-ruleset";
import { screenSanctions } from "../sanctions/screen-sanctions";
import { buildFacts, enrichProfile, linkageInputFromProfile } from "./build-facts";
import { mergeProfiles } from "./merge-profiles";
import { protectSensitiveNumbers } from "./protect-sensitive-numbers";

export type ScreeningTrigger = "form" | "api" | "csv" | "cli" | "verification" | "rescreen";

export type SubmitCandidateOptions = {
  actor: Actor;
  submission: CandidateSubmission;
  /** Update this candidate; otherwise the submission's externalId finds one, or a new candidate is created. */
  candidateId?: string;
  /** A retry with the same key changes nothing and returns the first result. */
  idempotencyKey?: string;
  trigger?: ScreeningTrigger;
  meta?: RequestMeta;
  /** Screening time (tests pin it; defaults to now). */
  asOf?: Date;
};

export type SubmitCandidateResult = {
  candidateId: string;
  screeningId: string;
  created: boolean;
  replayed: boolean;
  assessment: Assessment;
};

type Existing = { id: string; profile: StoredProfile; stage: Stage; latestScore: number | null; latestBand: string | null; updatedAt: Date } | null;

/**
 * The one path every submit takes (form, API, CSV, CLI): merge the stage evidence into the profile, enrich, link
 * with other candidates, screen sanctions, evaluate with the published ruleset, and write the candidate, an
 * immutable Screening and an AuditEvent in one transaction.
 */
export async function submitCandidate(options: SubmitCandidateOptions): Promise<SubmitCandidateResult> {
  const { actor, submission, trigger = "form", meta } = options;
  const db = getDb();
  const before = await findExisting(db, options);
  assertPermission(actor, before ? "candidates.update" : "candidates.create");

  const update = protectSensitiveNumbers(submission.profile);
  const profile = before ? mergeProfiles(before.profile, update) : update;
  // Everything that is not a write happens before the transaction: packaged-data lookups, the sanctions index and
  // the ruleset (the embedded database has a single connection, which the transaction holds).
  const enrichment = enrichProfile(profile);
  const sanctions = await screenSanctions(sanctionsSubjects(profile));
  const { id: rulesetVersionId, ruleset } = await getPublishedRuleset(db);
  const asOf = options.asOf ?? new Date();

  const candidateId = before?.id ?? randomUUID();
  const screeningId = randomUUID();
  let assessment: Assessment | undefined;

  const write = async (tx: Tx) => {
    await lockAndCheckUnchanged(tx, before);
    const columns = candidateColumns(profile, submission.stage, actor.id);
    if (before) {
      await tx.candidate.update({ where: { id: candidateId }, data: { ...columns, externalId: submission.externalId ?? undefined } });
    } else {
      await tx.candidate.create({ data: { id: candidateId, ...columns, externalId: submission.externalId ?? null, createdById: actor.id } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "candidate.created",
        subjectType: "Candidate",
        subjectId: candidateId,
        after: { fullName: columns.fullName, email: columns.email, stage: columns.stage, trigger },
        meta,
      });
    }
    await recordCandidateLinkage(tx, { candidateId, input: linkageInputFromProfile(profile) });
    const links = await findCandidateLinks(tx, { candidateId });
    const facts = buildFacts({ candidateId, profile, enrichment, links, sanctions });
    assessment = evaluate(facts, ruleset, { asOf });
    await tx.screening.create({
      data: {
        id: screeningId,
        candidateId,
        rulesetVersionId,
        engineVersion: assessment.engineVersion,
        stage: submission.stage,
        score: assessment.score,
        band: assessment.band,
        hits: toJson(assessment.hits),
        details: toJson({ suppressed: assessment.suppressed, verificationSteps: assessment.verificationSteps, lowSeverityCapApplied: assessment.lowSeverityCapApplied, asOf: assessment.asOf, sanctionsListVersion: sanctions.listVersion, links }),
        facts: toJson(facts),
        trigger,
        createdById: actor.id,
      },
    });
    await tx.candidate.update({
      where: { id: candidateId },
      data: { latestScore: assessment.score, latestBand: assessment.band, latestIndicators: [...new Set(assessment.hits.flatMap((h) => h.indicatorIds))].sort() },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidate.screened",
      subjectType: "Candidate",
      subjectId: candidateId,
      before: before ? { stage: before.stage, score: before.latestScore, band: before.latestBand } : undefined,
      after: {
        stage: submission.stage,
        score: assessment.score,
        band: assessment.band,
        screeningId,
        rulesetVersion: assessment.rulesetVersion,
        engineVersion: assessment.engineVersion,
        hits: assessment.hits.map((h) => h.ruleId),
        sections: Object.keys(submission.profile),
        trigger,
      },
      meta,
    });
  };

  if (options.idempotencyKey) {
    const { resultId, replayed } = await withIdempotency(
      { key: options.idempotencyKey, actorId: actor.id, action: "candidate.submit", resultId: screeningId },
      write,
    );
    if (replayed) return { ...(await loadScreeningResult(resultId)), created: false, replayed: true };
  } else {
    await db.$transaction(write, { timeout: 30_000 });
  }
  return { candidateId, screeningId, created: !before, replayed: false, assessment: assessment! };
}

async function findExisting(db: ReturnType<typeof getDb>, options: SubmitCandidateOptions): Promise<Existing> {
  const select = { id: true, profile: true, stage: true, latestScore: true, latestBand: true, updatedAt: true } as const;
  let row = null;
  if (options.candidateId) {
    row = await db.candidate.findUnique({ where: { id: options.candidateId }, select });
    if (!row) throw new AppError("NOT_FOUND", "No candidate with that id.");
  } else if (options.submission.externalId) {
    row = await db.candidate.findUnique({ where: { externalId: options.submission.externalId }, select });
  }
  if (!row) return null;
  return { ...row, profile: storedProfileSchema.parse(row.profile ?? {}) };
}

/** Row-locks the candidate and refuses to overwrite a change made since we read it (optimistic check on updated_at). */
async function lockAndCheckUnchanged(tx: Tx, before: Existing) {
  if (!before) return;
  const rows = await tx.$queryRaw<{ updated_at: Date }[]>`SELECT updated_at FROM candidates WHERE id = ${before.id}::uuid FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", "No candidate with that id.");
  if (rows[0].updated_at.getTime() !== before.updatedAt.getTime()) {
    throw new AppError("CONFLICT", "Someone else changed this candidate while you were saving. Reload and submit again.");
  }
}

function candidateColumns(profile: StoredProfile, stage: Stage, actorId: string) {
  const c = profile.candidate ?? {};
  return {
    fullName: c.legalName ?? "(name not given)",
    email: c.email ?? "",
    phone: c.phone ?? null,
    phoneDigits: c.phone ? c.phone.replace(/\D/g, "") || null : null,
    claimedCity: c.claimedLocation?.city ?? null,
    claimedRegion: c.claimedLocation?.region ?? null,
    claimedCountry: c.claimedLocation?.country ?? null,
    stage,
    profile: toJson(profile),
    updatedById: actorId,
  };
}

/** Names, employers, agency, payees and wallets: everything the advisories say to screen (PAY-04, WH-05). */
function sanctionsSubjects(profile: StoredProfile) {
  const c = profile.candidate;
  const payment = profile.onboarding?.payment;
  const names = [c?.legalName, ...(c?.names ?? []).map((n) => n.name), ...(c?.nameChange?.previousNames ?? [])];
  return {
    names: uniq(names),
    employers: uniq((profile.workHistory ?? []).map((j) => j.employerName)),
    agency: profile.sourcing?.agency?.name ?? null,
    payees: uniq([payment?.payeeName, payment?.accountHolderName]),
    wallets: uniq(profile.observations?.walletAddresses ?? []),
  };
}

function uniq(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v && v.trim())).map((v) => v.trim()))];
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

async function loadScreeningResult(screeningId: string) {
  const s = await getDb().screening.findUniqueOrThrow({
    where: { id: screeningId },
    select: { id: true, candidateId: true, score: true, band: true, hits: true, details: true, engineVersion: true, rulesetVersion: { select: { version: true } } },
  });
  const details = s.details as Record<string, unknown>;
  const assessment = {
    score: s.score,
    band: s.band,
    hits: s.hits,
    suppressed: details.suppressed ?? [],
    verificationSteps: details.verificationSteps ?? [],
    lowSeverityCapApplied: details.lowSeverityCapApplied ?? false,
    rulesetVersion: s.rulesetVersion.version,
    engineVersion: s.engineVersion,
    asOf: details.asOf,
  } as unknown as Assessment;
  return { candidateId: s.candidateId, screeningId: s.id, assessment };
}
