import "server-only";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { progressSelect, type ImportProgress } from "./get-import-job";

export type ImportJobListItem = ImportProgress & { createdBy: string };

/** The most recent imports, newest first, for the import page. */
export async function listImportJobs({ actor, limit = 20 }: { actor: Actor; limit?: number }): Promise<ImportJobListItem[]> {
  assertPermission(actor, "candidates.create");
  const db = getDb();
  const jobs = await db.importJob.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: { ...progressSelect, createdById: true },
  });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(jobs.map((j) => j.createdById))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return jobs.map(({ createdById, ...job }) => ({ ...job, createdBy: names.get(createdById) ?? "Unknown user" }));
}
