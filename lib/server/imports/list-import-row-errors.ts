import "server-only";
import { AppError } from "@/lib/errors";
import { importJobIdSchema } from "@/lib/schemas/import";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

export type ImportRowErrorItem = { rowNumber: number; field: string | null; message: string; raw: Record<string, string> };

/** The rows an import refused, by row number (`limit` for the page; the CSV download takes them all). */
export async function listImportRowErrors({ actor, importJobId, limit }: { actor: Actor; importJobId: string; limit?: number }): Promise<ImportRowErrorItem[]> {
  assertPermission(actor, "candidates.create");
  const id = importJobIdSchema.safeParse(importJobId);
  const db = getDb();
  if (!id.success || !(await db.importJob.findUnique({ where: { id: id.data }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No import with that id.");
  const rows = await db.importRowError.findMany({
    where: { jobId: id.data },
    orderBy: { rowNumber: "asc" },
    take: limit,
    select: { rowNumber: true, field: true, message: true, raw: true },
  });
  return rows.map((r) => ({ ...r, raw: (r.raw ?? {}) as Record<string, string> }));
}
