import "server-only";
import type { CandidateListCursor } from "@/lib/schemas/candidate";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { candidateListSql, type CandidateListFilter } from "../candidates/candidate-list-sql";
import { getDb } from "../db";
import { csvStream } from "./csv-stream";

const PAGE = 1_000;
const FIELDS = ["id", "external_id", "full_name", "email", "phone", "claimed_city", "claimed_region", "claimed_country", "stage", "latest_score", "latest_band", "created_at", "updated_at"];

export type ExportCandidatesCsvOptions = {
  actor: Actor;
  /** The list's search, filters and sort (as the list page parsed them): the file holds exactly what the list shows. */
  filter?: CandidateListFilter;
  meta?: RequestMeta;
};

type Row = {
  id: string;
  external_id: string | null;
  full_name: string;
  email: string;
  phone: string | null;
  claimed_city: string | null;
  claimed_region: string | null;
  claimed_country: string | null;
  stage: string;
  latest_score: number | null;
  latest_band: string | null;
  created_at: Date;
  updated_at: Date;
};

/**
 * The candidates the list shows — every page of it, in its order — as CSV (formula cells neutralised). The export is
 * audited with its filters and row count.
 */
export async function exportCandidatesCsv({ actor, filter = { sort: "newest" }, meta }: ExportCandidatesCsvOptions): Promise<ReadableStream<Uint8Array>> {
  assertPermission(actor, "candidates.read");
  const db = getDb();
  const { where } = candidateListSql(filter);
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM candidates c ${where}`;
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidates.exported",
      subjectType: "Candidate",
      subjectId: null,
      after: { export: "candidates.csv", rows: count, filter: JSON.parse(JSON.stringify(filter)) },
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
    const rows = await db.$queryRaw<Row[]>`
      SELECT c.id, c.external_id, c.full_name, c.email, c.phone, c.claimed_city, c.claimed_region, c.claimed_country, c.stage::text AS stage,
             c.latest_score, c.latest_band, c.created_at, c.updated_at
      FROM candidates c ${where} ORDER BY ${orderBy} LIMIT ${PAGE}`;
    if (rows.length === 0) return;
    yield rows.map((c) => [c.id, c.external_id, c.full_name, c.email, c.phone, c.claimed_city, c.claimed_region, c.claimed_country, c.stage, c.latest_score, c.latest_band, c.created_at, c.updated_at]);
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.created_at, id: last.id, score: last.latest_score ?? -1 };
  }
}

