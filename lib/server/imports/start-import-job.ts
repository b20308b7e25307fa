import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { importMappingSchema } from "@/lib/schemas/import";
import { isUuid } from "@/lib/schemas/uuid";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, type Prisma } from "../db";
import { getJobQueue, QUEUES, type CsvImportJobData } from "../jobs/get-job-queue";
import { mapImportRow } from "./map-import-row";
import { parseImportCsv, type ImportCsvRow } from "./parse-import-csv";

export type StartImportJobOptions = {
  actor: Actor;
  importJobId: string;
  /** Field → CSV column, as chosen in the mapping step (checked against the file's columns here). */
  mapping: Record<string, unknown>;
  meta?: RequestMeta;
};

export type StartImportJobResult = { id: string; totalRows: number; invalidRows: number; alreadyStarted: boolean };

const ERROR_CHUNK = 1_000;

/**
 * "Validate and import": checks the mapping, validates every row exactly as the worker will, records the refused rows,
 * then queues the job. Starting a job that is already queued or running changes nothing (a double click).
 */
export async function startImportJob({ actor, importJobId, mapping, meta }: StartImportJobOptions): Promise<StartImportJobResult> {
  assertPermission(actor, "candidates.create");
  const db = getDb();
  const job = isUuid(importJobId)
    ? await db.importJob.findUnique({ where: { id: importJobId }, select: { id: true, status: true, columns: true, content: true, totalRows: true, failedRows: true } })
    : null;
  if (!job) throw new AppError("NOT_FOUND", "No import with that id.");
  if (job.status !== "DRAFT") return { id: job.id, totalRows: job.totalRows, invalidRows: job.failedRows, alreadyStarted: true };

  const parsedMapping = importMappingSchema(job.columns).safeParse(mapping);
  if (!parsedMapping.success) throw new AppError("VALIDATION", "Choose a column for each required field.", { fieldErrors: z.flattenError(parsedMapping.error).fieldErrors as Record<string, string[]> });
  const chosen = parsedMapping.data;

  const { rows } = parseImportCsv(job.content);
  const invalid = rows.flatMap((row) => {
    const problem = rowProblem(row, chosen);
    return problem ? [{ jobId: job.id, rowNumber: row.rowNumber, field: problem.field, message: problem.message, raw: row.values }] : [];
  });

  const started = await db.$transaction(async (tx) => {
    // Only a DRAFT moves to QUEUED, so two concurrent starts queue it once.
    const moved = await tx.importJob.updateMany({
      where: { id: job.id, status: "DRAFT" },
      data: { status: "QUEUED", mapping: chosen, totalRows: rows.length, failedRows: invalid.length, processedRows: 0, queuedAt: new Date() },
    });
    if (moved.count === 0) return false;
    for (let i = 0; i < invalid.length; i += ERROR_CHUNK) {
      await tx.importRowError.createMany({ data: invalid.slice(i, i + ERROR_CHUNK) as Prisma.ImportRowErrorCreateManyInput[], skipDuplicates: true });
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "candidates.import_started",
      subjectType: "ImportJob",
      subjectId: job.id,
      after: { totalRows: rows.length, invalidRows: invalid.length, mapping: chosen },
      meta,
    });
    return true;
  }, { timeout: 120_000 });
  if (!started) return { id: job.id, totalRows: rows.length, invalidRows: invalid.length, alreadyStarted: true };

  const boss = await getJobQueue();
  const data: CsvImportJobData = { importJobId: job.id };
  await boss.send(QUEUES.csvImport, data, { singletonKey: job.id });
  return { id: job.id, totalRows: rows.length, invalidRows: invalid.length, alreadyStarted: false };
}

/** The first thing wrong with a row, with every column at fault (one error row per CSV row). */
export function rowProblem(row: ImportCsvRow, mapping: Parameters<typeof mapImportRow>[1]): { field: string | null; message: string } | null {
  if (row.shapeError) return { field: null, message: row.shapeError };
  const mapped = mapImportRow(row.values, mapping);
  if (mapped.ok) return null;
  return {
    field: [...new Set(mapped.issues.map((i) => i.field))].join(", "),
    message: mapped.issues.map((i) => `${i.field}: ${i.message}`).join("; "),
  };
}
