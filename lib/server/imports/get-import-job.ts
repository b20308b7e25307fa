import "server-only";
import { AppError } from "@/lib/errors";
import { guessImportMapping, importJobIdSchema, IMPORT_PREVIEW_ROWS, storedImportMappingSchema, type ImportMapping } from "@/lib/schemas/import";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { parseImportCsv } from "./parse-import-csv";

export type ImportJobStatus = "DRAFT" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";

export type ImportProgress = {
  id: string;
  status: ImportJobStatus;
  fileName: string;
  totalRows: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  failedRows: number;
  failureReason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type ImportJobDetail = ImportProgress & {
  columns: string[];
  /** The stored mapping, or (for a draft) the one guessed from the header names. */
  mapping: ImportMapping;
  /** First rows of the file, column → value (drafts only: the mapping step previews them). */
  preview: Record<string, string>[];
  createdBy: string;
};

/** The columns behind ImportProgress (shared by the job page, the poller and the list). */
export const progressSelect = {
  id: true,
  status: true,
  fileName: true,
  totalRows: true,
  processedRows: true,
  createdRows: true,
  updatedRows: true,
  failedRows: true,
  failureReason: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** The counters the progress bar polls (GET /api/imports/{id}). */
export async function getImportProgress({ actor, importJobId }: { actor: Actor; importJobId: string }): Promise<ImportProgress> {
  assertPermission(actor, "candidates.create");
  const id = importJobIdSchema.safeParse(importJobId);
  const job = id.success ? await getDb().importJob.findUnique({ where: { id: id.data }, select: progressSelect }) : null;
  if (!job) throw new AppError("NOT_FOUND", "No import with that id.");
  return job;
}

/** One import with what its page shows: the mapping step for a draft, progress otherwise. */
export async function getImportJob({ actor, importJobId }: { actor: Actor; importJobId: string }): Promise<ImportJobDetail> {
  assertPermission(actor, "candidates.create");
  const id = importJobIdSchema.safeParse(importJobId);
  const db = getDb();
  const job = id.success
    ? await db.importJob.findUnique({ where: { id: id.data }, select: { ...progressSelect, columns: true, mapping: true, createdById: true } })
    : null;
  if (!job) throw new AppError("NOT_FOUND", "No import with that id.");
  const isDraft = job.status === "DRAFT";
  // The file is only read back for the preview (a draft); it can be 20 MB.
  const content = isDraft ? (await db.importJob.findUniqueOrThrow({ where: { id: job.id }, select: { content: true } })).content : "";
  const preview = isDraft ? parseImportCsv(content, { limit: IMPORT_PREVIEW_ROWS }).rows.map((r) => r.values) : [];
  const stored = storedImportMappingSchema.safeParse(job.mapping);
  const user = await db.user.findUnique({ where: { id: job.createdById }, select: { name: true } });
  const { columns, mapping: _mapping, createdById: _createdById, ...progress } = job;
  return {
    ...progress,
    columns,
    mapping: stored.success && job.mapping ? stored.data : guessImportMapping(columns),
    preview,
    createdBy: user?.name ?? "Unknown user",
  };
}
