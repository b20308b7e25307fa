import "server-only";
import { BANDS, type Band } from "@/lib/engine";
import type { CandidateLinks } from "../linkage/find-candidate-links";
import type { SqlQuery } from "../db/sql";
import { caseDueAt } from "./case-sla";

/** One screening just written, as the case rules read it. */
export type ScreeningCaseInput = {
  candidateId: string;
  screeningId: string;
  band: Band;
  score: number;
  /** The published ruleset's review threshold: this band or above opens a case. */
  reviewThreshold: Band;
  links: CandidateLinks;
};

export type ScreeningCaseEffect = { caseId: string; candidateId: string; effect: "opened" | "reopened" | "updated" };

/** Candidate ids a screening's links name (shared identifiers, ship-to, near-duplicate résumés), sorted. */
export function linkedCandidateIds(links: CandidateLinks): string[] {
  const ids = new Set<string>();
  for (const s of links.sharedIdentifiers) for (const o of s.others) ids.add(o.id);
  for (const o of links.sharedShipTo?.others ?? []) ids.add(o.id);
  for (const r of links.nearDuplicateResumes) ids.add(r.candidateId);
  return [...ids].sort();
}

// Per candidate, its case now (the open one, else the latest closed one) and what this screening does to it:
//  - open case            → update its latest band/score/screening/links; the due date comes forward if the band's
//                           SLA is shorter (never pushed back);
//  - closed case          → re-open when the band is above the band decided on, or a linked candidate appears that
//                           was not linked at decision time; otherwise only its latest band/score are updated;
//  - no case              → open one when the band reaches the review threshold.
// One statement for the whole batch. The caller has locked each existing candidate's row (the screening write
// updates it first), and case transitions lock the same row, so a screening and a case action of one candidate never
// interleave; two concurrent screenings of a new candidate can't happen (its id is new). ON CONFLICT on the partial
// unique index (one open case per candidate) turns a second opening into an update whatever happens.
const UPSERT_CASES_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
      candidate_id uuid, screening_id uuid, band text, score int, linked_ids uuid[], due_at timestamptz, reaches boolean)
  ),
  cur AS (
    SELECT DISTINCT ON (rc.candidate_id) rc.id, rc.candidate_id, rc.status, rc.decided_band, rc.decided_linked_ids
      FROM review_cases rc
     WHERE rc.kind = 'CANDIDATE' AND rc.candidate_id IN (SELECT candidate_id FROM input)
     ORDER BY rc.candidate_id, (rc.status IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL')) DESC, rc.opened_at DESC, rc.id DESC
  ),
  plan AS (
    SELECT i.*, c.id AS case_id, c.status AS case_status,
           coalesce(array_position($2::text[], i.band), 0) > coalesce(array_position($2::text[], c.decided_band), 0) AS band_above_decided,
           array(SELECT unnest(i.linked_ids) EXCEPT SELECT unnest(c.decided_linked_ids)) AS new_links,
           CASE
             WHEN c.id IS NULL THEN CASE WHEN i.reaches THEN 'open' END
             WHEN c.status IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL') THEN 'update'
             WHEN coalesce(array_position($2::text[], i.band), 0) > coalesce(array_position($2::text[], c.decided_band), 0)
               OR NOT (i.linked_ids <@ c.decided_linked_ids) THEN 'reopen'
             ELSE 'closed_update'
           END AS what
      FROM input i LEFT JOIN cur c ON c.candidate_id = i.candidate_id
  ),
  opened AS (
    INSERT INTO review_cases (id, candidate_id, status, opened_by, band_at_open, score_at_open, latest_band, latest_score,
                              latest_screening_id, linked_candidate_ids, due_at, opened_at, updated_at)
    SELECT gen_random_uuid(), candidate_id, 'OPEN', 'BAND_THRESHOLD', band, score, band, score, screening_id, linked_ids, due_at, now(), now()
      FROM plan WHERE what = 'open'
    ON CONFLICT (candidate_id) WHERE kind = 'CANDIDATE' AND status IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL')
    DO UPDATE SET latest_band = excluded.latest_band, latest_score = excluded.latest_score, latest_screening_id = excluded.latest_screening_id,
                  linked_candidate_ids = excluded.linked_candidate_ids, due_at = least(review_cases.due_at, excluded.due_at), updated_at = now()
    RETURNING id, candidate_id, (xmax = 0) AS inserted
  ),
  changed AS (
    UPDATE review_cases rc
       SET latest_band = p.band, latest_score = p.score, latest_screening_id = p.screening_id, linked_candidate_ids = p.linked_ids,
           status = CASE WHEN p.what = 'reopen' THEN 'OPEN'::"CaseStatus" ELSE rc.status END,
           referral_target = CASE WHEN p.what = 'reopen' THEN NULL ELSE rc.referral_target END,
           closed_at = CASE WHEN p.what = 'reopen' THEN NULL ELSE rc.closed_at END,
           reopen_count = rc.reopen_count + (p.what = 'reopen')::int,
           due_at = CASE WHEN p.what = 'reopen' THEN p.due_at WHEN p.what = 'update' THEN least(rc.due_at, p.due_at) ELSE rc.due_at END,
           updated_at = now()
      FROM plan p
     WHERE rc.id = p.case_id AND p.what IN ('update', 'reopen', 'closed_update')
    RETURNING rc.id, rc.candidate_id, p.what, p.case_status, p.band, p.score, p.screening_id, p.band_above_decided, p.new_links
  ),
  transitions AS (
    INSERT INTO case_transitions (id, case_id, event, from_status, to_status, actor_id, rationale, screening_id, band, score)
    SELECT gen_random_uuid(), o.id, 'opened', NULL::"CaseStatus", 'OPEN'::"CaseStatus", NULL::uuid,
           'Screened ' || p.band || ' (' || p.score || '), at or above the review threshold ' || $3, p.screening_id, p.band, p.score
      FROM opened o JOIN plan p ON p.candidate_id = o.candidate_id WHERE o.inserted
    UNION ALL
    SELECT gen_random_uuid(), c.id, 'reopened', c.case_status, 'OPEN'::"CaseStatus", NULL::uuid,
           concat_ws('; ', CASE WHEN c.band_above_decided THEN 'Screened ' || c.band || ' (' || c.score || '), above the band decided on' END,
                     CASE WHEN cardinality(c.new_links) > 0 THEN cardinality(c.new_links) || ' linked candidate(s) not known at decision time' END),
           c.screening_id, c.band, c.score
      FROM changed c WHERE c.what = 'reopen'
    RETURNING 1
  ),
  audit AS (
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after, ip, user_agent, credential)
    SELECT $4::uuid, 'case.opened', 'ReviewCase', o.id::text, NULL,
           jsonb_build_object('candidateId', o.candidate_id, 'cause', 'BAND_THRESHOLD', 'band', p.band, 'score', p.score,
                              'screeningId', p.screening_id, 'reviewThreshold', $3, 'dueAt', p.due_at), $5, $6, $7
      FROM opened o JOIN plan p ON p.candidate_id = o.candidate_id WHERE o.inserted
    UNION ALL
    SELECT $4::uuid, 'case.reopened', 'ReviewCase', c.id::text, jsonb_build_object('status', c.case_status),
           jsonb_build_object('candidateId', c.candidate_id, 'status', 'OPEN', 'band', c.band, 'score', c.score, 'screeningId', c.screening_id,
                              'bandAboveDecided', c.band_above_decided, 'newLinkedCandidateIds', to_jsonb(c.new_links)), $5, $6, $7
      FROM changed c WHERE c.what = 'reopen'
    RETURNING 1
  )
  SELECT o.id AS "caseId", o.candidate_id AS "candidateId", CASE WHEN o.inserted THEN 'opened' ELSE 'updated' END AS effect FROM opened o
  UNION ALL
  SELECT c.id, c.candidate_id, CASE WHEN c.what = 'reopen' THEN 'reopened' ELSE 'updated' END FROM changed c`;

export type UpsertScreeningCasesOptions = {
  run: SqlQuery;
  screenings: readonly ScreeningCaseInput[];
  actorId: string;
  meta?: { ip?: string | null; userAgent?: string | null; credential?: string | null };
  now?: Date;
};

/**
 * Opens, updates or re-opens the review cases of freshly written screenings (ADR 0011), with their transitions and
 * audit events, in the caller's transaction: one statement for the whole batch.
 */
export async function upsertScreeningCases({ run, screenings, actorId, meta, now = new Date() }: UpsertScreeningCasesOptions): Promise<ScreeningCaseEffect[]> {
  if (screenings.length === 0) return [];
  const rank = (b: Band) => BANDS.indexOf(b);
  const input = screenings.map((s) => ({
    candidate_id: s.candidateId,
    screening_id: s.screeningId,
    band: s.band,
    score: s.score,
    linked_ids: linkedCandidateIds(s.links),
    due_at: caseDueAt(s.band, now).toISOString(),
    reaches: rank(s.band) >= rank(s.reviewThreshold),
  }));
  const rows = await run<ScreeningCaseEffect>(UPSERT_CASES_SQL, [
    JSON.stringify(input),
    BANDS,
    screenings[0].reviewThreshold,
    actorId,
    meta?.ip?.slice(0, 100) ?? null,
    meta?.userAgent?.slice(0, 500) ?? null,
    meta?.credential ?? null,
  ]);
  return rows.map((r) => ({ caseId: r.caseId, candidateId: r.candidateId, effect: r.effect }));
}
