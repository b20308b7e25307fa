import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { evaluate, type Assessment } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { Stage } from "@/lib/schemas/candidate";
import { readScreeningEnrichment, type ScreeningEnrichment } from "@/lib/schemas/enrichment";
import { storedProfileSchema, type CandidateSubmission, type StoredProfile } from "@/lib/schemas/profile";
import type { RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { sqlQuery, withSqlTransaction, type SqlClient } from "../db/sql";
import { findLinksForCandidates } from "../linkage/find-candidate-links";
import { toIdentifierRows, type IdentifierRow } from "../linkage/linkage-input";
import { resumeBands } from "../linkage/resume-bands";
import { getRulesetVersionById, PUBLISHED_RULESET_ID_SQL, type PublishedRuleset } from "../rulesets/get-published-ruleset";
import { screenSanctions, type SanctionsScreening } from "../sanctions/screen-sanctions";
import { buildFacts, enrichmentRecord, enrichProfile, linkageInputFromProfile, type ProfileEnrichment } from "./build-facts";
import { mergeProfiles } from "./merge-profiles";
import { protectSensitiveNumbers } from "./protect-sensitive-numbers";
import { isUuid } from "@/lib/schemas/uuid";
import type { Permission } from "@/lib/permissions";
import { applyAcceptedExplanations } from "../explanations/apply-accepted-explanations";
import { readAcceptedExplanations } from "../explanations/read-accepted-explanations";
import { upsertScreeningCases, type ScreeningCaseInput } from "../cases/upsert-screening-cases";

export type ScreeningTrigger = "form" | "api" | "csv" | "cli" | "verification" | "rescreen" | "explanation";

export type SubmitItem = {
  submission: CandidateSubmission;
  /** Update this candidate; otherwise the submission's externalId finds one, or a new candidate is created. */
  candidateId?: string;
  /**
   * A retry with the same key and the same request changes nothing and returns the first result; the same key with a
   * different request is refused (UNPROCESSABLE) and writes nothing.
   */
  idempotencyKey?: string;
  /**
   * What the caller asked for, hashed (SHA-256 of its canonical JSON) to tell a retry from a reused key. Defaults to
   * the target and the submission; a form passes its own fields when the submission is derived from stored data.
   */
  request?: unknown;
  /**
   * Optimistic concurrency for a person's edit: the candidate's version (`updatedAt`) as it was when the form was
   * rendered. If the candidate has been saved since, the submit is refused (CONFLICT) and nothing is written.
   */
  expectedVersion?: string;
  /** Screen at the candidate's stage as stored when the write happens, not `submission.stage` (re-screens). */
  keepStage?: boolean;
};

export type SubmitCandidatesOptions = {
  actor: Actor;
  /** Screened in this order: a later item links to the candidates of earlier ones, never the other way round. */
  items: readonly SubmitItem[];
  trigger?: ScreeningTrigger;
  meta?: RequestMeta;
  /** Screening time (tests pin it; defaults to now). */
  asOf?: Date;
  /**
   * Runs first in every write transaction (a background job checks that it still owns the job and locks it). When it
   * throws, that transaction writes nothing and the whole call rejects with its error: it is never an item's outcome.
   */
  fence?: (client: SqlClient) => Promise<void>;
  /**
   * A re-screen ordered by a use case that has checked its own permission (accepting an explanation needs
   * `flags.review`, which a security analyst holds without `candidates.update`): this permission replaces the
   * create/update check. Only for re-screens that change nothing stored — every item must target an existing
   * candidate with an empty profile and `keepStage`; anything else is refused.
   */
  rescreenPermission?: Permission;
};

export type SubmitCandidateResult = {
  candidateId: string;
  screeningId: string;
  /** This submit created the candidate (for a replay: the submit it replays did). */
  created: boolean;
  replayed: boolean;
  assessment: Assessment;
  /** What the enrichment sources said (kept with the screening); null for a replay of a screening from before it was kept. */
  enrichment: ScreeningEnrichment | null;
};

/** Each item's own outcome: one bad row never stops the others. */
export type SubmitOutcome = { ok: true; result: SubmitCandidateResult } | { ok: false; error: unknown };

const IDEMPOTENCY_ACTION = "candidate.submit";

type ExistingRow = {
  id: string;
  externalId: string | null;
  profile: unknown;
  stage: Stage;
  latestScore: number | null;
  latestBand: string | null;
  /** As the database printed it (exact to the millisecond), for the optimistic check. */
  updatedAt: string;
};

type KeyRow = { key: string; actorId: string; action: string; resultId: string; requestHash: string | null };

/** An item ready to write: everything that needs no database write has been computed. */
type Prepared = {
  index: number;
  item: SubmitItem;
  candidateId: string;
  screeningId: string;
  before: ExistingRow | null;
  /** SHA-256 of the canonical request, stored with the idempotency key. */
  requestHash: string | null;
  /** The stage this screening is at. */
  stage: Stage;
  /** An update that presents nothing new to link (no new identifier, same name, email and résumé). */
  linkNeutral: boolean;
  profile: StoredProfile;
  enrichment: ProfileEnrichment;
  sanctions: SanctionsScreening;
  identifiers: IdentifierRow[];
  resume: { text: string; bands: number[] } | null;
};

/** The caller's fence refused the write; `submitCandidates` rejects with `cause`. */
class FenceRefused extends Error {}

/** The write found the world changed since the read; `kind` says how. Never reaches callers. */
class WriteRaced extends Error {
  constructor(readonly kind: "key" | "insert" | "update") {
    super(`screening write raced (${kind})`);
  }
}

/**
 * The one path every submit takes (form, API, CSV, CLI, verification, re-screen): merge the stage evidence into the
 * stored profile, enrich, screen sanctions, link with other candidates, evaluate with the published ruleset, and
 * write the candidates, their immutable Screenings, AuditEvents and review cases (opened, updated or re-opened,
 * ADR 0011) in one transaction.
 *
 * Several items share that transaction and its statements (set-based SQL, about six round trips however many
 * items): an import screens hundreds of rows per transaction. Items are screened as if one by one, in order: an item
 * that targets the same candidate, external id or idempotency key as an earlier one starts a new transaction, so does
 * an update that brings something new to link, and a candidate created by the batch is invisible to the items
 * before it. If a batch's write races with another (a concurrent edit or retry), its items are retried one at a time
 * so each gets its own outcome. See docs/decisions/0006-screening-write-path.md.
 */
export async function submitCandidates(options: SubmitCandidatesOptions): Promise<SubmitOutcome[]> {
  // Ids are compared as Postgres prints them (lower case); an empty key is no key.
  const items = options.items.map((item) => ({ ...item, candidateId: item.candidateId?.toLowerCase(), idempotencyKey: item.idempotencyKey || undefined }));
  const normalised = { ...options, items };
  const outcomes: SubmitOutcome[] = new Array(items.length);
  for (const segment of segmentsOf(items)) {
    await submitSegment(normalised, segment, outcomes);
  }
  return outcomes;
}

/** Consecutive runs of items with distinct targets and keys, each screened in one transaction. */
function* segmentsOf(items: readonly SubmitItem[]): Generator<number[]> {
  let segment: number[] = [];
  let seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const marks = [
      item.candidateId ? `id:${item.candidateId}` : null,
      item.submission.externalId ? `ext:${item.submission.externalId}` : null,
      item.idempotencyKey ? `key:${item.idempotencyKey}` : null,
    ].filter((m): m is string => m !== null);
    if (marks.some((m) => seen.has(m))) {
      yield segment;
      segment = [];
      seen = new Set();
    }
    segment.push(i);
    for (const m of marks) seen.add(m);
  }
  if (segment.length) yield segment;
}

/** How often one item is tried again after its write raced with another writer (a retry re-reads everything). */
const MAX_RETRIES = 2;

async function submitSegment(options: SubmitCandidatesOptions, indexes: number[], outcomes: SubmitOutcome[], attempt = 0): Promise<void> {
  const { actor, items } = options;
  const fail = (index: number, error: unknown) => (outcomes[index] = { ok: false, error });

  // One round trip for everything read before the write: targets, idempotency keys, the published ruleset's id.
  const ids = indexes.map((i) => items[i].candidateId).filter(isUuid);
  const externalIds = indexes.map((i) => items[i].submission.externalId).filter((e): e is string => Boolean(e));
  const keys = indexes.map((i) => items[i].idempotencyKey).filter((k): k is string => Boolean(k));
  // Planned on every call: an id/external-id lookup must use the indexes however the table has grown since the
  // connection first saw it (a cached generic plan from an empty table is a seq scan, kept until the next ANALYZE).
  const [read] = await sqlQuery(undefined, { prepare: false })<{ candidates: ExistingRow[]; keys: KeyRow[]; ruleset_id: string | null }>(READ_SQL, [ids, externalIds, keys]);
  const byId = new Map(read.candidates.map((c) => [c.id, c]));
  const byExternalId = new Map(read.candidates.filter((c) => c.externalId).map((c) => [c.externalId!, c]));
  const byKey = new Map(read.keys.map((k) => [k.key, k]));
  const published = await getRulesetVersionById(read.ruleset_id);
  const asOf = options.asOf ?? new Date();

  const replays: { index: number; screeningId: string }[] = [];
  const prepared: Prepared[] = [];
  for (const index of indexes) {
    const item = items[index];
    try {
      let before: ExistingRow | null = null;
      if (item.candidateId) {
        before = byId.get(item.candidateId) ?? null;
        if (!before) throw new AppError("NOT_FOUND", "No candidate with that id.");
      } else if (item.submission.externalId) {
        before = byExternalId.get(item.submission.externalId) ?? null;
      }
      if (options.rescreenPermission) {
        if (!before || !item.keepStage || Object.keys(item.submission.profile).length > 0) {
          throw new AppError("FORBIDDEN", "Only a re-screen of an existing candidate can be ordered this way.");
        }
        assertPermission(actor, options.rescreenPermission);
      } else {
        assertPermission(actor, before ? "candidates.update" : "candidates.create");
      }
      const requestHash = item.idempotencyKey ? hashRequest(item) : null;
      const key = item.idempotencyKey ? byKey.get(item.idempotencyKey) : undefined;
      if (key) {
        // A replay answers first: the version it was made against is stale now because the first submit saved.
        replays.push({ index, screeningId: resultOfKey(key, actor, requestHash, options.trigger ?? "form") });
        continue;
      }
      if (item.expectedVersion !== undefined && before && !sameInstant(before.updatedAt, item.expectedVersion)) {
        throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
      }
      const stored = before ? storedProfileSchema.parse(before.profile ?? {}) : null;
      const update = protectSensitiveNumbers(item.submission.profile);
      const profile = stored ? mergeProfiles(stored, update) : update;
      const linkage = linkageInputFromProfile(profile);
      const identifiers = toIdentifierRows(linkage);
      const resumeText = typeof linkage.resumeText === "string" ? linkage.resumeText.trim() : "";
      prepared.push({
        index,
        item,
        candidateId: before?.id ?? randomUUID(),
        screeningId: randomUUID(),
        before,
        requestHash,
        stage: item.keepStage && before ? before.stage : item.submission.stage,
        linkNeutral: stored !== null && isLinkNeutral(stored, profile, identifiers, resumeText),
        profile,
        enrichment: enrichProfile(profile),
        sanctions: await screenSanctions(sanctionsSubjects(profile)),
        identifiers,
        resume: resumeText ? { text: resumeText, bands: resumeBands(resumeText) } : null,
      });
    } catch (error) {
      fail(index, error);
    }
  }

  for (const group of writeGroups(prepared)) {
    try {
      const assessments = await withSqlTransaction((client) => write(client, options, group, published, asOf));
      for (const p of group) {
        const { assessment, enrichment } = assessments.get(p.index)!;
        outcomes[p.index] = {
          ok: true,
          result: { candidateId: p.candidateId, screeningId: p.screeningId, created: !p.before, replayed: false, assessment, enrichment },
        };
      }
    } catch (error) {
      if (error instanceof FenceRefused) throw error.cause;
      if (group.length > 1) {
        // Someone else wrote in between (or one row broke the statement): give each item its own transaction.
        for (const p of group) await submitSegment(options, [p.index], outcomes, attempt);
        continue;
      }
      const [p] = group;
      if (error instanceof WriteRaced && error.kind !== "update" && attempt < MAX_RETRIES) {
        // The same key, or the same new external id, was written by another submit that committed first: read again
        // (a replay of that submit, or an update of the candidate it created).
        await submitSegment(options, [p.index], outcomes, attempt + 1);
      } else if (error instanceof WriteRaced) {
        fail(p.index, new AppError("CONFLICT", "Someone else changed this candidate while you were saving. Reload and submit again."));
      } else {
        fail(p.index, error);
      }
    }
  }

  for (const { index, screeningId } of replays) {
    try {
      outcomes[index] = { ok: true, result: { ...(await loadScreeningResult(screeningId)), replayed: true } };
    } catch (error) {
      fail(index, error);
    }
  }
}

/**
 * Transactions for the prepared items, in order. An update that presents something new to link (an identifier, a
 * name, an email, a résumé) starts a new one: otherwise the items before it in the same transaction would see it
 * already changed, which they would not have one by one. Creates and link-neutral updates (re-screens) share one.
 */
function writeGroups(prepared: Prepared[]): Prepared[][] {
  const groups: Prepared[][] = [];
  let current: Prepared[] = [];
  for (const p of prepared) {
    if (current.length > 0 && p.before && !p.linkNeutral) {
      groups.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function isLinkNeutral(stored: StoredProfile, merged: StoredProfile, identifiers: IdentifierRow[], resumeText: string): boolean {
  const before = candidateColumns(stored, "APPLICATION");
  const after = candidateColumns(merged, "APPLICATION");
  if (before.full_name !== after.full_name || before.email !== after.email) return false;
  const storedLinkage = linkageInputFromProfile(stored);
  const storedResume = typeof storedLinkage.resumeText === "string" ? storedLinkage.resumeText.trim() : "";
  if (resumeText && resumeText !== storedResume) return false;
  try {
    const known = new Set(toIdentifierRows(storedLinkage).map((r) => `${r.kind}\u0000${r.value}`));
    return identifiers.every((r) => known.has(`${r.kind}\u0000${r.value}`));
  } catch {
    return false;
  }
}

/** Shown on a form whose candidate was saved by someone else after the form was rendered. */
export const STALE_VERSION_MESSAGE =
  "Someone else saved this candidate since you opened the form. Nothing was saved and your draft is still here: open the candidate again to see their changes, then add yours.";

function resultOfKey(key: KeyRow, actor: Actor, requestHash: string | null, trigger: ScreeningTrigger): string {
  // A key belongs to one actor and one kind of write; anything else is a client bug, not a replay.
  if (key.actorId !== actor.id || key.action !== IDEMPOTENCY_ACTION) {
    throw new AppError("CONFLICT", "This form was already used for something else. Reload the page and try again.");
  }
  // Keys written before request hashes were kept have none: they replay as before.
  if (key.requestHash !== null && requestHash !== null && key.requestHash !== requestHash) {
    throw new AppError(
      "UNPROCESSABLE",
      trigger === "form" || trigger === "verification"
        ? "This form was already saved with different content. Nothing more was saved and your draft is still here: open the form again to make further changes."
        : "This Idempotency-Key was already used with a different request. Nothing was saved: a retry must repeat the first request exactly; send a new request with a new key.",
    );
  }
  return key.resultId;
}

/** SHA-256 of the request's canonical JSON (object keys sorted, undefined left out): what a retry must repeat. */
function hashRequest(item: SubmitItem): string {
  const request = item.request !== undefined ? item.request : { candidateId: item.candidateId ?? null, keepStage: item.keepStage ?? false, submission: item.submission };
  return createHash("sha256").update(canonicalJson(request)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Two instants as PostgreSQL and a form print them (both to the millisecond) are the same version. */
function sameInstant(a: string, b: string): boolean {
  const x = Date.parse(a);
  return !Number.isNaN(x) && x === Date.parse(b);
}

const READ_SQL = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object('id', c.id, 'externalId', c.external_id, 'profile', c.profile, 'stage', c.stage,
                                                 'latestScore', c.latest_score, 'latestBand', c.latest_band, 'updatedAt', c.updated_at)), '[]'::json)
     FROM candidates c WHERE c.id = ANY ($1::uuid[]) OR c.external_id = ANY ($2::text[])) AS candidates,
    (SELECT coalesce(json_agg(json_build_object('key', k.key, 'actorId', k.actor_id, 'action', k.action, 'resultId', k.result_id, 'requestHash', k.request_hash)), '[]'::json)
     FROM idempotency_keys k WHERE k.key = ANY ($3::text[])) AS keys,
    (${PUBLISHED_RULESET_ID_SQL}) AS ruleset_id`;

// Idempotency keys first, with the hash of the request each was used for (a concurrent retry of the same key waits
// here, then inserts nothing), then the candidates: new ones inserted, existing ones updated only if unchanged since
// they were read (optimistic check on updated_at, the UPDATE's row lock makes it exact), then what linkage indexes —
// for the candidates actually written only. Counts tell the caller what happened.
// updated_at is the version people edit against (forms carry it): an update that changes no stored column (a
// re-screen, or a form saved without changes) keeps it, so a re-screen never makes an open form stale.
// Whether an update changes a stored column (SET expressions see the row as it was before the update).
const CHANGED_SQL = `((c.full_name, c.email, c.phone, c.phone_digits, c.claimed_city, c.claimed_region, c.claimed_country::text, c.stage, c.profile, c.external_id)
    IS DISTINCT FROM (i.full_name, i.email, i.phone, i.phone_digits, i.claimed_city, i.claimed_region, i.claimed_country, i.stage, i.profile, coalesce(i.external_id, c.external_id)))`;

const WRITE_CANDIDATES_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
      id uuid, is_new boolean, expected_updated_at timestamptz, external_id text, full_name text, email text, phone text,
      phone_digits text, claimed_city text, claimed_region text, claimed_country text, stage "Stage", profile jsonb,
      idempotency_key text, request_hash text, screening_id text)
  ),
  keys AS (
    INSERT INTO idempotency_keys (key, actor_id, action, result_id, request_hash)
    SELECT idempotency_key, $2::uuid, '${IDEMPOTENCY_ACTION}', screening_id, request_hash FROM input WHERE idempotency_key IS NOT NULL
    ON CONFLICT (key) DO NOTHING
    RETURNING key
  ),
  inserted AS (
    INSERT INTO candidates (id, external_id, full_name, email, phone, phone_digits, claimed_city, claimed_region, claimed_country,
                            stage, profile, created_by_id, updated_by_id, updated_at)
    SELECT id, external_id, full_name, email, phone, phone_digits, claimed_city, claimed_region, claimed_country,
           stage, profile, $2::uuid, $2::uuid, now()
    FROM input WHERE is_new
    ON CONFLICT DO NOTHING
    RETURNING id
  ),
  updated AS (
    UPDATE candidates c
    SET full_name = i.full_name, email = i.email, phone = i.phone, phone_digits = i.phone_digits, claimed_city = i.claimed_city,
        claimed_region = i.claimed_region, claimed_country = i.claimed_country, stage = i.stage, profile = i.profile,
        external_id = coalesce(i.external_id, c.external_id),
        updated_by_id = CASE WHEN ${CHANGED_SQL} THEN $2::uuid ELSE c.updated_by_id END,
        updated_at = CASE WHEN ${CHANGED_SQL} THEN now() ELSE c.updated_at END
    FROM input i
    WHERE NOT i.is_new AND c.id = i.id AND c.updated_at = i.expected_updated_at
    RETURNING c.id
  ),
  identifiers AS (
    INSERT INTO candidate_identifiers (candidate_id, kind, value, last4)
    SELECT candidate_id, kind, value, last4 FROM jsonb_to_recordset($3::jsonb) AS t(candidate_id uuid, kind "IdentifierKind", value text, last4 text)
    WHERE candidate_id IN (SELECT id FROM inserted UNION ALL SELECT id FROM updated)
    ON CONFLICT DO NOTHING
  ),
  resumes AS (
    INSERT INTO candidate_resumes (candidate_id, text, bands, updated_at)
    SELECT candidate_id, text, bands, now() FROM jsonb_to_recordset($4::jsonb) AS t(candidate_id uuid, text text, bands int4[])
    WHERE candidate_id IN (SELECT id FROM inserted UNION ALL SELECT id FROM updated)
    ON CONFLICT (candidate_id) DO UPDATE SET text = excluded.text, bands = excluded.bands, updated_at = excluded.updated_at
  )
  SELECT (SELECT count(*) FROM keys)::int AS keys, (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM updated)::int AS updated`;

// The screenings, each candidate's latest score, band and indicators, and the audit events, in one statement.
const WRITE_SCREENINGS_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
      id uuid, candidate_id uuid, stage "Stage", score int, band text, hits jsonb, details jsonb, facts jsonb, indicators text[])
  ),
  screenings AS (
    INSERT INTO screenings (id, candidate_id, ruleset_version_id, engine_version, stage, score, band, hits, details, facts, trigger, created_by_id)
    SELECT id, candidate_id, $2::uuid, $3, stage, score, band, hits, details, facts, $4, $5::uuid FROM input
    RETURNING 1
  ),
  latest AS (
    UPDATE candidates c SET latest_score = i.score, latest_band = i.band, latest_indicators = i.indicators
    FROM input i WHERE c.id = i.candidate_id
    RETURNING 1
  ),
  audit AS (
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after, ip, user_agent, credential)
    SELECT $5::uuid, action, 'Candidate', subject_id, before, after, $6, $7, $9
    FROM jsonb_to_recordset($8::jsonb) AS t(ord int, action text, subject_id text, before jsonb, after jsonb)
    ORDER BY ord
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM screenings)::int AS screenings, (SELECT count(*) FROM latest)::int AS latest, (SELECT count(*) FROM audit)::int AS audit`;

async function write(client: SqlClient, options: SubmitCandidatesOptions, prepared: Prepared[], published: PublishedRuleset, asOf: Date) {
  const { actor, trigger = "form", meta } = options;
  if (options.fence) {
    try {
      await options.fence(client);
    } catch (error) {
      throw new FenceRefused("the fence refused the write", { cause: error });
    }
  }
  const run = sqlQuery(client);

  const candidates = prepared.map((p) => ({
    id: p.candidateId,
    is_new: !p.before,
    expected_updated_at: p.before?.updatedAt ?? null,
    external_id: p.item.submission.externalId ?? null,
    ...candidateColumns(p.profile, p.stage),
    profile: p.profile,
    idempotency_key: p.item.idempotencyKey ?? null,
    request_hash: p.requestHash,
    screening_id: p.screeningId,
  }));
  const identifiers = prepared.flatMap((p) => p.identifiers.map((r) => ({ candidate_id: p.candidateId, kind: r.kind, value: r.value, last4: r.last4 })));
  const resumes = prepared.flatMap((p) => (p.resume ? [{ candidate_id: p.candidateId, ...p.resume }] : []));
  const [counts] = await run<{ keys: number; inserted: number; updated: number }>(WRITE_CANDIDATES_SQL, [
    JSON.stringify(candidates),
    actor.id,
    JSON.stringify(identifiers),
    JSON.stringify(resumes),
  ]);
  const expectedNew = prepared.filter((p) => !p.before).length;
  if (counts.keys !== prepared.filter((p) => p.item.idempotencyKey).length) throw new WriteRaced("key");
  if (counts.inserted !== expectedNew) throw new WriteRaced("insert");
  if (counts.updated !== prepared.length - expectedNew) throw new WriteRaced("update");

  const links = await findLinksForCandidates(run, prepared.map((p) => ({ id: p.candidateId, isNew: !p.before })));
  // Accepted explanations, read in this transaction (a new candidate has none).
  const accepted = await readAcceptedExplanations(run, prepared.filter((p) => p.before).map((p) => p.candidateId));

  const assessments = new Map<number, { assessment: Assessment; enrichment: ScreeningEnrichment }>();
  const screenings: unknown[] = [];
  const audit: unknown[] = [];
  const caseInputs: ScreeningCaseInput[] = [];
  prepared.forEach((p, i) => {
    const candidateLinks = links.get(p.candidateId)!;
    const facts = buildFacts({ candidateId: p.candidateId, profile: p.profile, enrichment: p.enrichment, links: candidateLinks, sanctions: p.sanctions });
    // Accepted explanations are applied right after the engine (which stays pure): see apply-accepted-explanations.ts.
    const { assessment, applied } = applyAcceptedExplanations(evaluate(facts, published.ruleset, { asOf }), {
      facts,
      ruleset: published.ruleset,
      asOf,
      accepted: accepted.get(p.candidateId) ?? [],
    });
    const enrichment = enrichmentRecord(p.enrichment);
    assessments.set(p.index, { assessment, enrichment });
    const stage = p.stage;
    caseInputs.push({
      candidateId: p.candidateId,
      screeningId: p.screeningId,
      band: assessment.band,
      score: assessment.score,
      reviewThreshold: published.ruleset.config.reviewThreshold,
      links: candidateLinks,
    });
    screenings.push({
      id: p.screeningId,
      candidate_id: p.candidateId,
      stage,
      score: assessment.score,
      band: assessment.band,
      hits: assessment.hits,
      details: {
        suppressed: assessment.suppressed,
        verificationSteps: assessment.verificationSteps,
        lowSeverityCapApplied: assessment.lowSeverityCapApplied,
        corroboration: assessment.corroboration,
        asOf: assessment.asOf,
        sanctionsListVersion: p.sanctions.listVersion,
        links: candidateLinks,
        enrichment,
      },
      facts,
      indicators: [...new Set(assessment.hits.flatMap((h) => h.indicatorIds))].sort(),
    });
    if (!p.before) {
      const c = candidates[i];
      audit.push({ ord: audit.length, action: "candidate.created", subject_id: p.candidateId, after: { fullName: c.full_name, email: c.email, stage, trigger } });
    }
    audit.push({
      ord: audit.length,
      action: "candidate.screened",
      subject_id: p.candidateId,
      before: p.before ? { stage: p.before.stage, score: p.before.latestScore, band: p.before.latestBand } : undefined,
      after: {
        stage,
        score: assessment.score,
        band: assessment.band,
        screeningId: p.screeningId,
        rulesetVersion: assessment.rulesetVersion,
        engineVersion: assessment.engineVersion,
        hits: assessment.hits.map((h) => h.ruleId),
        ...(applied.length ? { explanationsApplied: applied } : {}),
        sections: Object.keys(p.item.submission.profile),
        trigger,
      },
    });
  });
  await run(WRITE_SCREENINGS_SQL, [
    JSON.stringify(screenings),
    published.id,
    assessments.values().next().value!.assessment.engineVersion,
    trigger,
    actor.id,
    meta?.ip?.slice(0, 100) ?? null,
    meta?.userAgent?.slice(0, 500) ?? null,
    JSON.stringify(audit),
    meta?.credential ?? null,
  ]);
  // Review cases: opened, updated or re-opened by these screenings, in the same transaction (ADR 0011).
  await upsertScreeningCases({ run, screenings: caseInputs, actorId: actor.id, meta });
  return assessments;
}

function candidateColumns(profile: StoredProfile, stage: Stage) {
  const c = profile.candidate ?? {};
  return {
    full_name: c.legalName ?? "(name not given)",
    email: c.email ?? "",
    phone: c.phone ?? null,
    phone_digits: c.phone ? c.phone.replace(/\D/g, "") || null : null,
    claimed_city: c.claimedLocation?.city ?? null,
    claimed_region: c.claimedLocation?.region ?? null,
    claimed_country: c.claimedLocation?.country ?? null,
    stage,
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
    // Only to corroborate or contradict a name match (lib/enrichment/sanctions/corroborate.ts).
    attributes: {
      dateOfBirth: profile.observations?.dateOfBirth ?? null,
      countries: uniq([c?.homeAddress?.country, c?.claimedLocation?.country]),
      governmentIds: profile.observations?.governmentIds ?? [],
    },
  };
}

function uniq(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v && v.trim())).map((v) => v.trim()))];
}

/** A replay's answer, as the first submit gave it: `created` when that screening is the candidate's first. */
async function loadScreeningResult(screeningId: string) {
  const s = await getDb().screening.findUniqueOrThrow({
    where: { id: screeningId },
    select: {
      id: true,
      candidateId: true,
      score: true,
      band: true,
      hits: true,
      details: true,
      engineVersion: true,
      rulesetVersion: { select: { version: true } },
      candidate: { select: { screenings: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1, select: { id: true } } } },
    },
  });
  const details = s.details as Record<string, unknown>;
  const assessment = {
    score: s.score,
    band: s.band,
    hits: s.hits,
    suppressed: details.suppressed ?? [],
    verificationSteps: details.verificationSteps ?? [],
    lowSeverityCapApplied: details.lowSeverityCapApplied ?? false,
    corroboration: details.corroboration ?? null,
    rulesetVersion: s.rulesetVersion.version,
    engineVersion: s.engineVersion,
    asOf: details.asOf,
  } as unknown as Assessment;
  return { candidateId: s.candidateId, screeningId: s.id, created: s.candidate.screenings[0]?.id === s.id, assessment, enrichment: readScreeningEnrichment(details) };
}
