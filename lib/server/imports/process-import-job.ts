import "server-only";
import { isAppError } from "@/lib/errors";
import { storedImportMappingSchema } from "@/lib/schemas/import";
import type { Actor } from "../auth/authorization";
import { getDb } from "../db";
import type { CandidateSubmission } from "@/lib/schemas/profile";
import { submitCandidates } from "../screening/submit-candidates";
import { mapImportRow } from "./map-import-row";
import { parseImportCsv } from "./parse-import-csv";

export type ProcessImportJobOptions = {
  importJobId: string;
  /** Rows screened per transaction; progress counters are written after each batch (and at the end). */
  checkpointEvery?: number;
};

export type ProcessImportJobResult = { status: "COMPLETED" | "CANCELLED" | "FAILED" | "SKIPPED"; processedRows: number; createdRows: number; updatedRows: number; failedRows: number };

type Counters = { processedRows: number; createdRows: number; updatedRows: number; failedRows: number };

/**
 * The worker: screens the rows of a queued import in file order, in batches, through `submitCandidates` (the same
 * path as the form and the API, one transaction per batch) with the key `import:<job>:<row>` — so a retried job, or
 * one resumed after a crash, replays rows it already did instead of writing them twice. Rows refused at validation
 * are skipped (already recorded); rows the screening refuses are recorded with their message. Counters are
 * checkpointed after every batch of `checkpointEvery` rows; a retry resumes from the last checkpoint. Runs as the
 * user who started the import (their role is re-read).
 */
export async function processImportJob({ importJobId, checkpointEvery = 200 }: ProcessImportJobOptions): Promise<ProcessImportJobResult> {
  const db = getDb();
  const job = await db.importJob.findUnique({
    where: { id: importJobId },
    select: { id: true, status: true, content: true, mapping: true, createdById: true, processedRows: true, createdRows: true, updatedRows: true, failedRows: true },
  });
  if (!job || !["QUEUED", "RUNNING", "FAILED"].includes(job.status)) {
    return { status: "SKIPPED", processedRows: job?.processedRows ?? 0, createdRows: job?.createdRows ?? 0, updatedRows: job?.updatedRows ?? 0, failedRows: job?.failedRows ?? 0 };
  }
  const counters: Counters = { processedRows: job.processedRows, createdRows: job.createdRows, updatedRows: job.updatedRows, failedRows: job.failedRows };
  try {
    const user = await db.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, name: true, role: true, disabled: true } });
    if (!user || user.disabled) throw new ImportFailure("The user who started this import can no longer sign in.");
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const mapping = storedImportMappingSchema.parse(job.mapping ?? {});
    await db.importJob.update({ where: { id: job.id }, data: { status: "RUNNING", startedAt: job.status === "QUEUED" ? new Date() : undefined, failureReason: null, finishedAt: null } });

    const { rows } = parseImportCsv(job.content);
    const batchSize = Math.max(1, Math.floor(checkpointEvery));
    for (let start = counters.processedRows; start < rows.length; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      // A row refused at validation (the same checks) was counted in failedRows then, and its error row written.
      const screenable = batch.flatMap((row) => {
        const mapped = row.shapeError ? null : mapImportRow(row.values, mapping);
        return mapped?.ok ? [{ row, submission: mapped.submission }] : [];
      });
      await screenRows(actor, job.id, screenable, counters);
      const before = counters.processedRows;
      counters.processedRows += batch.length;
      if (Math.floor(counters.processedRows / ANALYZE_EVERY) > Math.floor(before / ANALYZE_EVERY)) await refreshStatistics();
      const { status } = await db.importJob.update({ where: { id: job.id }, data: counters, select: { status: true } });
      if (status === "CANCELLED") return { status: "CANCELLED", ...counters };
    }
    await db.importJob.update({ where: { id: job.id }, data: { ...counters, status: "COMPLETED", finishedAt: new Date() } });
    return { status: "COMPLETED", ...counters };
  } catch (error) {
    // Counters stay at the last checkpoint; pg-boss retries the job, which resumes from there.
    const reason = error instanceof ImportFailure ? error.message : "The import stopped unexpectedly; it will be retried.";
    if (!(error instanceof ImportFailure)) console.error(`[import ${job.id}] failed`, error);
    await db.importJob.update({ where: { id: job.id }, data: { status: "FAILED", failureReason: reason, finishedAt: new Date() } });
    if (error instanceof ImportFailure) return { status: "FAILED", ...counters };
    throw error;
  }
}

class ImportFailure extends Error {}

/** Rows between statistics refreshes during an import. */
const ANALYZE_EVERY = 20_000;

/**
 * A large import grows the screening tables faster than autovacuum (when it runs at all) re-analyzes them, and the
 * planner then plans for tables a fraction of their size. ANALYZE takes a sample (well under a second) and makes the
 * cached plans of the screening statements re-plan. A failure (say, a role that may not analyze) is only logged.
 */
async function refreshStatistics() {
  try {
    await getDb().$executeRawUnsafe("ANALYZE candidates, candidate_identifiers, candidate_resumes, screenings");
  } catch (error) {
    console.warn("[import] could not refresh table statistics:", error instanceof Error ? error.message : error);
  }
}

type ScreenableRow = { row: { rowNumber: number; values: Record<string, string> }; submission: CandidateSubmission };

async function screenRows(actor: Actor, jobId: string, screenable: ScreenableRow[], counters: Counters) {
  const db = getDb();
  const outcomes = await submitCandidates({
    actor,
    items: screenable.map(({ row, submission }) => ({ submission, idempotencyKey: `import:${jobId}:${row.rowNumber}` })),
    trigger: "csv",
  });
  for (let i = 0; i < screenable.length; i++) {
    const { row } = screenable[i];
    const outcome = outcomes[i];
    if (outcome.ok) {
      // A replay (this row was done before a crash or retry) says whether the first run created the candidate.
      if (outcome.result.created) counters.createdRows++;
      else counters.updatedRows++;
      continue;
    }
    const error = outcome.error;
    if (!isAppError(error)) console.error(`[import ${jobId}] row ${row.rowNumber} failed`, error);
    const message = isAppError(error) ? error.message : "This row could not be screened (internal error); it has been logged.";
    const field = isAppError(error) && error.fieldErrors ? Object.keys(error.fieldErrors).join(", ") : null;
    await db.importRowError.upsert({
      where: { jobId_rowNumber: { jobId, rowNumber: row.rowNumber } },
      create: { jobId, rowNumber: row.rowNumber, field, message, raw: row.values },
      update: { field, message, raw: row.values },
    });
    counters.failedRows++;
  }
}
