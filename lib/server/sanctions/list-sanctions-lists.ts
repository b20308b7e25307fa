import "server-only";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { sanctionsListVersion } from "./load-sanctions-list";

export type SanctionsListHistoryRow = {
  id: string;
  source: string;
  listVersion: string;
  format: string;
  publishedAt: Date | null;
  fileNames: string[];
  entryCount: number;
  aliasCount: number;
  status: "ACTIVE" | "SUPERSEDED";
  importedAt: Date;
  /** null when the CLI (system actor) imported it. */
  importedBy: { id: string; name: string; email: string } | null;
};

/** Every imported version, newest first, with who imported it — the admin page's history. */
export async function listSanctionsLists({ actor, limit = 100 }: { actor: Actor; limit?: number }): Promise<SanctionsListHistoryRow[]> {
  assertPermission(actor, "sanctions.manage");
  const db = getDb();
  const lists = await db.sanctionsList.findMany({
    orderBy: [{ importedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, source: true, format: true, publishedAt: true, fileNames: true, entryCount: true, aliasCount: true, status: true, importedAt: true, importedById: true },
  });
  // imported_by_id has no foreign key (the list outlives any account), so users are looked up separately.
  const userIds = [...new Set(lists.map((l) => l.importedById).filter((id): id is string => id !== null))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return lists.map(({ importedById, ...l }) => ({
    ...l,
    listVersion: sanctionsListVersion(l),
    importedBy: importedById ? (byId.get(importedById) ?? null) : null,
  }));
}
