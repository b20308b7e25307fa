import "server-only";
import { AppError } from "@/lib/errors";
import type { CandidateListQuery } from "@/lib/schemas/candidate";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, Prisma } from "../db";
import { isUuid } from "@/lib/schemas/uuid";

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

type Cursor = { createdAt: Date; id: string; score: number };

// Keyset pagination: the cursor carries the sort key of the last row, so every page costs the same however deep,
// on an index ((created_at, id) or (latest_score, created_at, id)). Unscreened rows sort as score -1.
export function encodeCursor(item: { createdAt: Date; id: string; latestScore?: number | null }): string {
  return Buffer.from(`${item.createdAt.toISOString()}|${item.id}|${item.latestScore ?? -1}`).toString("base64url");
}

export function decodeCursor(cursor: string): Cursor {
  const [at, id, score] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  const s = Number(score ?? -1);
  if (!id || Number.isNaN(createdAt.getTime()) || !isUuid(id) || !Number.isInteger(s)) {
    throw new AppError("VALIDATION", "That page link is invalid. Start again from the first page.");
  }
  return { createdAt, id, score: s };
}

export async function listCandidates({ actor, query }: ListCandidatesOptions) {
  assertPermission(actor, "candidates.read");
  const where: Prisma.Sql[] = [];
  if (query.q) {
    // Each way of matching uses its own index (trigram on the name, b-tree on email and phone digits); the match set
    // is built first so the planner never walks the whole created_at index looking for rare matches.
    const q = query.q;
    const digits = q.replace(/\D/g, "");
    // An "@" means an email address: no name contains one, so only the email index is asked.
    const parts: Prisma.Sql[] = q.includes("@")
      ? [Prisma.sql`SELECT id FROM candidates WHERE email = ${q.toLowerCase()}`]
      : [Prisma.sql`SELECT id FROM candidates WHERE full_name ILIKE ${"%" + escapeLike(q) + "%"}`];
    // A phone number as typed, with or without its country code (a North American number without the leading 1).
    if (digits.length >= 7) parts.push(Prisma.sql`SELECT id FROM candidates WHERE phone_digits IN (${digits}, ${"1" + digits})`);
    where.push(Prisma.sql`c.id IN (${Prisma.join(parts, " UNION ")})`);
  }
  if (query.band) where.push(Prisma.sql`c.latest_band = ${query.band}`);
  if (query.stage) where.push(Prisma.sql`c.stage = ${query.stage}::"Stage"`);
  if (query.indicator) where.push(Prisma.sql`c.latest_indicators @> ARRAY[${query.indicator}]::text[]`);
  if (query.from) where.push(Prisma.sql`c.created_at >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) where.push(Prisma.sql`c.created_at < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)}`);

  const after = query.cursor ? decodeCursor(query.cursor) : null;
  let order: Prisma.Sql;
  if (query.sort === "oldest") {
    order = Prisma.sql`c.created_at ASC, c.id ASC`;
    if (after) where.push(Prisma.sql`(c.created_at, c.id) > (${after.createdAt}, ${after.id}::uuid)`);
  } else if (query.sort === "risk") {
    // Screened candidates only (every submit screens, so that is everyone but rows mid-import): the order then
    // matches the (latest_score, created_at, id) index exactly.
    where.push(Prisma.sql`c.latest_score IS NOT NULL`);
    order = Prisma.sql`c.latest_score DESC, c.created_at DESC, c.id DESC`;
    if (after) where.push(Prisma.sql`(c.latest_score, c.created_at, c.id) < (${after.score}, ${after.createdAt}, ${after.id}::uuid)`);
  } else {
    order = Prisma.sql`c.created_at DESC, c.id DESC`;
    if (after) where.push(Prisma.sql`(c.created_at, c.id) < (${after.createdAt}, ${after.id}::uuid)`);
  }
  const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
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

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}
