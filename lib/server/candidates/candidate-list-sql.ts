import "server-only";
import type { CandidateListCursor, CandidateListQuery } from "@/lib/schemas/candidate";
import { Prisma } from "../db";

/** What the list and the exports filter and sort by: the list's query without its page (cursor, limit). */
export type CandidateListFilter = Omit<CandidateListQuery, "cursor" | "limit">;

/**
 * The one query builder behind the candidates list and the CSV exports, so an export holds exactly the candidates
 * the list shows, in the same order: search, band, stage, indicator, date range and sort, with the keyset condition
 * for the rows after `after` (the last row of the previous page). Callers choose the columns; rows are aliased `c`.
 *
 * Keyset pagination: every page costs the same however deep, on an index ((created_at, id) or
 * (latest_score, created_at, id)). Unscreened rows sort as score -1.
 */
export function candidateListSql(filter: CandidateListFilter, after: CandidateListCursor | null = null): { where: Prisma.Sql; orderBy: Prisma.Sql } {
  const where: Prisma.Sql[] = [];
  if (filter.q) {
    // Each way of matching uses its own index (trigram on the name, b-tree on email and phone digits); the match set
    // is built first so the planner never walks the whole created_at index looking for rare matches.
    const q = filter.q;
    const digits = q.replace(/\D/g, "");
    // An "@" means an email address: no name contains one, so only the email index is asked.
    const parts: Prisma.Sql[] = q.includes("@")
      ? [Prisma.sql`SELECT id FROM candidates WHERE email = ${q.toLowerCase()}`]
      : [Prisma.sql`SELECT id FROM candidates WHERE full_name ILIKE ${"%" + escapeLike(q) + "%"}`];
    // A phone number as typed, with or without its country code (a North American number without the leading 1).
    if (digits.length >= 7) parts.push(Prisma.sql`SELECT id FROM candidates WHERE phone_digits IN (${digits}, ${"1" + digits})`);
    where.push(Prisma.sql`c.id IN (${Prisma.join(parts, " UNION ")})`);
  }
  if (filter.band) where.push(Prisma.sql`c.latest_band = ${filter.band}`);
  if (filter.stage) where.push(Prisma.sql`c.stage = ${filter.stage}::"Stage"`);
  if (filter.indicator) where.push(Prisma.sql`c.latest_indicators @> ARRAY[${filter.indicator}]::text[]`);
  if (filter.from) where.push(Prisma.sql`c.created_at >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to) where.push(Prisma.sql`c.created_at < ${new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)}`);

  let orderBy: Prisma.Sql;
  if (filter.sort === "oldest") {
    orderBy = Prisma.sql`c.created_at ASC, c.id ASC`;
    if (after) where.push(Prisma.sql`(c.created_at, c.id) > (${after.createdAt}, ${after.id}::uuid)`);
  } else if (filter.sort === "risk") {
    // Screened candidates only (every submit screens, so that is everyone but rows mid-import): the order then
    // matches the (latest_score, created_at, id) index exactly.
    where.push(Prisma.sql`c.latest_score IS NOT NULL`);
    orderBy = Prisma.sql`c.latest_score DESC, c.created_at DESC, c.id DESC`;
    if (after) where.push(Prisma.sql`(c.latest_score, c.created_at, c.id) < (${after.score}, ${after.createdAt}, ${after.id}::uuid)`);
  } else {
    orderBy = Prisma.sql`c.created_at DESC, c.id DESC`;
    if (after) where.push(Prisma.sql`(c.created_at, c.id) < (${after.createdAt}, ${after.id}::uuid)`);
  }
  return { where: where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty, orderBy };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}
