import "server-only";
import { AppError } from "@/lib/errors";
import type { CandidateListQuery } from "@/lib/schemas/candidate";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

export type ListCandidatesOptions = { actor: Actor; query: CandidateListQuery };

export type CandidateListItem = {
  id: string;
  fullName: string;
  email: string;
  stage: string;
  claimedCountry: string | null;
  latestScore: number | null;
  latestBand: string | null;
  createdAt: Date;
};

// Keyset pagination on (created_at DESC, id DESC): constant cost per page however deep, backed by an index.
export function encodeCursor(item: { createdAt: Date; id: string }): string {
  return Buffer.from(`${item.createdAt.toISOString()}|${item.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError("VALIDATION", "That page link is invalid. Start again from the first page.");
  }
  return { createdAt, id };
}

export async function listCandidates({ actor, query }: ListCandidatesOptions) {
  assertPermission(actor, "candidates.read");
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await getDb().candidate.findMany({
    where: after
      ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
      : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { id: true, fullName: true, email: true, stage: true, claimedCountry: true, latestScore: true, latestBand: true, createdAt: true },
  });
  const hasMore = rows.length > query.limit;
  const items: CandidateListItem[] = hasMore ? rows.slice(0, query.limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(items[items.length - 1]) : null };
}
