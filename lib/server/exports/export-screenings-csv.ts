import "server-only";
import type { CandidateListCursor } from "@/lib/schemas/candidate";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { candidateListSql, type CandidateListFilter } from "../candidates/candidate-list-sql";
import { getDb } from "../db";
import { csvStream } from "./csv-stream";

/** Candidates per page; each page's screenings are read in one query on the (candidate_id, created_at) index. */
const PAGE = 500;
const FIELDS = ["screening_id", "candidate_id", "external_id", "full_name", "email", "stage", "score", "band", "rules_hit", "rules_suppressed", "ruleset_version", "engine_version", "trigger", "created_at"];

export type ExportScreeningsCsvOptions = {
  actor: Actor;
  /** The list's search, filters and sort: the screenings of exactly the candidates the list shows. */
  filter?: CandidateListFilter;
  meta?: RequestMeta;
};

type CandidateRow = { id: string; external_id: string | null; full_name: string; email: string; latest_score: number | null; created_at: Date };
type ScreeningRow = { id: string; candidate_id: string; stage: string; score: number; band: string; rule_ids: string[]; suppressed_rule_ids: string[]; engine_version: string; trigger: string; created_at: Date; ruleset_version: number };

/**
 * Every screening (one row per engine run) of the candidates the list shows, as CSV: candidates in the list's order,
 * each one's screenings oldest first. Audited as a candidates export, with its filters and row count.
 */
export async function exportScreeningsCsv({ actor, filter = { sort: "newest" }, meta }: ExportScreeningsCsvOptions): Promise<ReadableStream<Uint8Array>> {
  assertPermission(actor, "candidates.read");
  const db = getDb();
  const { where } = candidateListSql(filter);
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM screenings s WHERE s.candidate_id IN (SELECT c.id FROM candidates c ${where})`;
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidates.exported",
      subjectType: "Screening",
      subjectId: null,
      after: { export: "screenings.csv", rows: count, filter: JSON.parse(JSON.stringify(filter)) },
      meta,
    }),
  );
  return csvStream(FIELDS, pages(filter));
}

async function* pages(filter: CandidateListFilter) {
  const db = getDb();
  let after: CandidateListCursor | null = null;
  for (;;) {
    const { where, orderBy } = candidateListSql(filter, after);
    const candidates = await db.$queryRaw<CandidateRow[]>`
      SELECT c.id, c.external_id, c.full_name, c.email, c.latest_score, c.created_at FROM candidates c ${where} ORDER BY ${orderBy} LIMIT ${PAGE}`;
    if (candidates.length === 0) return;
    const screenings = await db.$queryRaw<ScreeningRow[]>`
      SELECT s.id, s.candidate_id, s.stage::text AS stage, s.score, s.band,
             CASE WHEN jsonb_typeof(s.hits) = 'array' THEN ARRAY(SELECT h->>'ruleId' FROM jsonb_array_elements(s.hits) h WHERE h ? 'ruleId') ELSE '{}' END AS rule_ids,
             CASE WHEN jsonb_typeof(s.details->'suppressed') = 'array' THEN ARRAY(SELECT x->>'ruleId' FROM jsonb_array_elements(s.details->'suppressed') x WHERE x ? 'ruleId') ELSE '{}' END AS suppressed_rule_ids,
             s.engine_version, s.trigger, s.created_at, r.version AS ruleset_version
      FROM screenings s JOIN ruleset_versions r ON r.id = s.ruleset_version_id
      WHERE s.candidate_id = ANY (${candidates.map((c) => c.id)}::uuid[])
      ORDER BY s.created_at ASC, s.id ASC`;
    const byCandidate = new Map<string, ScreeningRow[]>();
    for (const s of screenings) {
      const list = byCandidate.get(s.candidate_id);
      if (list) list.push(s);
      else byCandidate.set(s.candidate_id, [s]);
    }
    yield candidates.flatMap((c) =>
      (byCandidate.get(c.id) ?? []).map((s) => [
        s.id,
        c.id,
        c.external_id,
        c.full_name,
        c.email,
        s.stage,
        s.score,
        s.band,
        s.rule_ids,
        s.suppressed_rule_ids,
        s.ruleset_version,
        s.engine_version,
        s.trigger,
        s.created_at,
      ]),
    );
    if (candidates.length < PAGE) return;
    const last = candidates[candidates.length - 1];
    after = { createdAt: last.created_at, id: last.id, score: last.latest_score ?? -1 };
  }
}

