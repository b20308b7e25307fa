import "server-only";
import { CASE_STATUSES, CLOSED_CASE_STATUSES, OPEN_CASE_STATUSES, type CaseStatus } from "@/lib/cases";
import type { CaseQueueQuery } from "@/lib/schemas/case";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, Prisma } from "../db";

export type ReviewQueueItem = {
  id: string;
  candidateId: string;
  candidateName: string;
  stage: string;
  status: CaseStatus;
  openedBy: "BAND_THRESHOLD" | "REFERRAL";
  band: string;
  score: number;
  bandAtOpen: string;
  assigneeId: string | null;
  assigneeName: string | null;
  openedAt: Date;
  dueAt: Date;
  overdue: boolean;
  reopenCount: number;
  /** Since the screening last reviewed (null: never reviewed — everything is new). */
  changes: { reviewed: boolean; newRules: string[]; goneRules: string[]; scoreDelta: number | null };
};

export type ReviewQueuePage = { items: ReviewQueueItem[]; nextCursor: string | null };

export type ListReviewQueueOptions = { actor: Actor; query: Partial<CaseQueueQuery> & Pick<CaseQueueQuery, "status" | "sort">; pageSize?: number; now?: Date };

type Row = {
  id: string;
  candidate_id: string;
  full_name: string;
  stage: string;
  status: CaseStatus;
  opened_by: "BAND_THRESHOLD" | "REFERRAL";
  latest_band: string;
  latest_score: number;
  band_at_open: string;
  assignee_id: string | null;
  assignee_name: string | null;
  opened_at: Date;
  due_at: Date;
  reopen_count: number;
  reviewed: boolean;
  new_rules: string[] | null;
  gone_rules: string[] | null;
  score_delta: number | null;
  sort_key: string;
};

/** Keyset over (sort value, id). The cursor is opaque to the page: base64url JSON of the last row's key. */
type Cursor = { k: string; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    return typeof c.k === "string" && typeof c.id === "string" && /^[0-9a-f-]{36}$/i.test(c.id) ? c : null;
  } catch {
    return null;
  }
}

/**
 * The review queue (SECURITY and ADMIN): cases with their candidate, band, score, stage, assignee, age and due date,
 * and what changed since the screening last reviewed (rules that fire now and did not then, and the reverse).
 * Filters: status (open by default), band, assignee ("me", "unassigned", a user id), overdue, indicator. Sorts: due
 * date (soonest first), age (oldest first), score (highest first); keyset-paginated, so a page costs the same at any depth.
 */
export async function listReviewQueue({ actor, query, pageSize = 50, now = new Date() }: ListReviewQueueOptions): Promise<ReviewQueuePage> {
  assertPermission(actor, "cases.read");
  const take = Math.min(Math.max(Math.trunc(pageSize), 1), 1000);
  const where: Prisma.Sql[] = [Prisma.sql`rc.kind = 'CANDIDATE'`];
  const statuses: readonly string[] =
    query.status === "open" ? OPEN_CASE_STATUSES : query.status === "closed" ? CLOSED_CASE_STATUSES : query.status === "all" ? [] : [query.status];
  // Inlined as literals (from the fixed list only), so the planner matches the open-queue partial indexes' predicate.
  if (statuses.length) where.push(Prisma.raw(`rc.status IN (${statuses.filter((st) => (CASE_STATUSES as readonly string[]).includes(st)).map((st) => `'${st}'`).join(", ")})`));
  if (query.band) where.push(Prisma.sql`rc.latest_band = ${query.band}`);
  if (query.assignee === "me") where.push(Prisma.sql`rc.assignee_id = ${actor.id}::uuid`);
  else if (query.assignee === "unassigned") where.push(Prisma.sql`rc.assignee_id IS NULL`);
  else if (query.assignee) where.push(Prisma.sql`rc.assignee_id = ${query.assignee}::uuid`);
  if (query.overdue) where.push(Prisma.sql`rc.due_at < ${now} AND rc.status IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL')`);
  if (query.indicator) where.push(Prisma.sql`c.latest_indicators @> ARRAY[${query.indicator}]::text[]`);

  // Each sort on its own typed columns (so the open-queue indexes serve it), with its own keyset condition; the cursor
  // carries the last row's value as text (an ISO instant or a score).
  const cursor = decodeCursor(query.cursor);
  let orderBy: Prisma.Sql;
  let sortKey: Prisma.Sql;
  if (query.sort === "score") {
    orderBy = Prisma.sql`rc.latest_score DESC, rc.id`;
    sortKey = Prisma.sql`rc.latest_score::text`;
    const k = cursor ? Number(cursor.k) : NaN;
    if (cursor && Number.isInteger(k)) where.push(Prisma.sql`(rc.latest_score < ${k} OR (rc.latest_score = ${k} AND rc.id > ${cursor.id}::uuid))`);
  } else {
    const column = query.sort === "age" ? Prisma.sql`rc.opened_at` : Prisma.sql`rc.due_at`;
    orderBy = Prisma.sql`${column}, rc.id`;
    sortKey = Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const at = cursor ? new Date(cursor.k) : null;
    if (cursor && at && !Number.isNaN(at.getTime())) where.push(Prisma.sql`(${column}, rc.id) > (${at}, ${cursor.id}::uuid)`);
  }

  const rows = await getDb().$queryRaw<Row[]>`
    SELECT rc.id::text AS id, rc.candidate_id::text AS candidate_id, c.full_name, c.stage::text AS stage, rc.status::text AS status,
           rc.opened_by::text AS opened_by, rc.latest_band, rc.latest_score, rc.band_at_open, rc.assignee_id::text AS assignee_id,
           u.name AS assignee_name, rc.opened_at, rc.due_at, rc.reopen_count,
           rc.last_reviewed_screening_id IS NOT NULL AS reviewed,
           ch.new_rules, ch.gone_rules, ch.score_delta,
           ${sortKey} AS sort_key
      FROM review_cases rc
      JOIN candidates c ON c.id = rc.candidate_id
      LEFT JOIN users u ON u.id = rc.assignee_id
      LEFT JOIN LATERAL (
        SELECT array(SELECT DISTINCT h->>'ruleId' FROM jsonb_array_elements(sl.hits) h
                      EXCEPT SELECT DISTINCT h->>'ruleId' FROM jsonb_array_elements(sr.hits) h) AS new_rules,
               array(SELECT DISTINCT h->>'ruleId' FROM jsonb_array_elements(sr.hits) h
                      EXCEPT SELECT DISTINCT h->>'ruleId' FROM jsonb_array_elements(sl.hits) h) AS gone_rules,
               sl.score - sr.score AS score_delta
          FROM screenings sl, screenings sr
         WHERE sl.id = rc.latest_screening_id AND sr.id = rc.last_reviewed_screening_id AND sl.id <> sr.id
      ) ch ON true
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${orderBy}
     LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      candidateId: r.candidate_id,
      candidateName: r.full_name,
      stage: r.stage,
      status: r.status,
      openedBy: r.opened_by,
      band: r.latest_band,
      score: r.latest_score,
      bandAtOpen: r.band_at_open,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      openedAt: r.opened_at,
      dueAt: r.due_at,
      overdue: r.due_at.getTime() < now.getTime() && (OPEN_CASE_STATUSES as readonly string[]).includes(r.status),
      reopenCount: r.reopen_count,
      changes: { reviewed: r.reviewed, newRules: (r.new_rules ?? []).sort(), goneRules: (r.gone_rules ?? []).sort(), scoreDelta: r.score_delta },
    })),
    nextCursor: rows.length > take && last ? encodeCursor({ k: last.sort_key, id: last.id }) : null,
  };
}
