import "server-only";
import { AppError } from "@/lib/errors";
import { decodeCandidateCursor, encodeCandidateCursor, type CandidateListCursor, type CandidateListQuery } from "@/lib/schemas/candidate";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { candidateListSql } from "./candidate-list-sql";

export type ListCandidatesOptions = { actor: Actor; query: CandidateListQuery };

export type CandidateListItem = {
  id: string;
  fullName: string;
  email: string;
  stage: string;
  claimedCountry: string | null;
  latestScore: number | null;
  latestBand: string | null;
  latestIndicators: string[];
  createdAt: Date;
};

/** The list's cursor format (see lib/schemas/candidate.ts), re-exported for the benchmark and tests. */
export const encodeCursor = encodeCandidateCursor;

export function decodeCursor(cursor: string): CandidateListCursor {
  const decoded = decodeCandidateCursor(cursor);
  if (!decoded) throw new AppError("VALIDATION", "That page link is invalid. Start again from the first page.", { fieldErrors: { cursor: ["That page link is invalid"] } });
  return decoded;
}

/** One page of the list: the filters and sort of `query` (the same builder as the CSV exports), keyset-paginated. */
export async function listCandidates({ actor, query }: ListCandidatesOptions) {
  assertPermission(actor, "candidates.read");
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const { where: whereSql, orderBy: order } = candidateListSql(query, after);
  const rows = await getDb().$queryRaw<
    { id: string; full_name: string; email: string; stage: string; claimed_country: string | null; latest_score: number | null; latest_band: string | null; latest_indicators: string[]; created_at: Date }[]
  >`SELECT c.id, c.full_name, c.email, c.stage::text AS stage, c.claimed_country, c.latest_score, c.latest_band, c.latest_indicators, c.created_at
      FROM candidates c ${whereSql} ORDER BY ${order} LIMIT ${query.limit + 1}`;
  const hasMore = rows.length > query.limit;
  const items: CandidateListItem[] = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    fullName: r.full_name,
    email: r.email,
    stage: r.stage,
    claimedCountry: r.claimed_country?.trim() || null,
    latestScore: r.latest_score,
    latestBand: r.latest_band,
    latestIndicators: r.latest_indicators ?? [],
    createdAt: r.created_at,
  }));
  return { items, nextCursor: hasMore ? encodeCursor(items[items.length - 1]) : null };
}
