import "server-only";
import { isAppError } from "@/lib/errors";
import { storedImportMappingSchema } from "@/lib/schemas/import";
import type { Actor } from "../auth/authorization";
import { getDb } from "../db";
import { isDatabaseUnavailable } from "../db/errors";
import type { SqlClient } from "../db/sql";
import { claimFence, claimJob, getWorkerId, JobClaimLost, retryThroughOutages, startHeartbeat } from "../jobs/job-claim";
import type { CandidateSubmission } from "@/lib/schemas/profile";
import { submitCandidates } from "../screening/submit-candidates";
import { mapImportRow } from "./map-import-row";
import { parseImportCsv } from "./parse-import-csv";

export type ProcessImportJobOptions = {
  importJobId: string;
  /** Rows screened per transaction; progress counters are written after each batch (and at the end). */
  checkpointEvery?: number;
  /** The worker claiming the job (default: this process's id; tests run several workers in one process). */
  workerId?: string;
};

/**
 * SKIPPED: nothing to do (finished, cancelled, never started). BUSY: another live worker holds the job. LOST: this
 * worker was taken for dead part-way (its heartbeat went stale) and another took the job over; it stopped writing.
 */
export type ProcessImportJobResult = { status: "COMPLETED" | "CANCELLED" | "FAILED" | "SKIPPED" | "BUSY" | "LOST"; processedRows: number; createdRows: number; updatedRows: number; failedRows: number };

type Counters = { processedRows: number; createdRows: number; updatedRows: number; failedRows: number };

/**
 * The worker: screens the rows of a queued import in file order, in batches, through `submitCandidates` (the same
 * path as the form and the API, one transaction per batch) with the key `import:<job>:<row>` — so a retried job, or
 * one resumed after a crash, replays rows it already did instead of writing them twice. Rows refused at validation
 * are skipped (already recorded); rows the screening refuses are recorded with their message. Counters are
 * checkpointed after every batch of `checkpointEvery` rows; a retry resumes from the last checkpoint. Runs as the
 * user who started the import (their role is re-read).
 *
 * Only one worker processes a job at a time (lib/server/jobs/job-claim.ts): the job is claimed first, every batch is
 * written under the claim (`claimFence`), and every checkpoint is a heartbeat that only the owner can write. A worker
 * that finds its claim gone stops at once; the one that took over resumes from the last checkpoint.
 *
 * A database outage does not fail the import: the worker waits for the database and goes on from the last checkpoint
 * (`retryThroughOutages`).
 */
export async function processImportJob(options: ProcessImportJobOptions): Promise<ProcessImportJobResult> {
  return retryThroughOutages(`import ${options.importJobId}`, () => runImportJob(options));
}

async function runImportJob({ importJobId, checkpointEvery = 200, workerId = getWorkerId() }: ProcessImportJobOptions): Promise<ProcessImportJobResult> {
  const db = getDb();
  const select = { id: true, status: true, content: true, mapping: true, createdById: true, processedRows: true, createdRows: true, updatedRows: true, failedRows: true } as const;
  const found = await db.importJob.findUnique({ where: { id: importJobId }, select });
  if (!found || !["QUEUED", "RUNNING", "FAILED"].includes(found.status)) return { status: "SKIPPED", ...countersOf(found) };
  if (!(await claimJob("import", importJobId, workerId))) {
    const now = await db.importJob.findUnique({ where: { id: importJobId }, select: { status: true } });
    return { status: now && ["QUEUED", "RUNNING", "FAILED"].includes(now.status) ? "BUSY" : "SKIPPED", ...countersOf(found) };
  }
  // Read again under the claim: the counters are the last checkpoint of whichever worker had the job before.
  const job = await db.importJob.findUniqueOrThrow({ where: { id: importJobId }, select });
  const counters: Counters = countersOf(job);
  const heartbeat = startHeartbeat("import", job.id, workerId);
  const fence = claimFence("import", job.id, workerId);
  try {
    const user = await db.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, name: true, role: true, disabled: true } });
    if (!user || user.disabled) throw new ImportFailure("The user who started this import can no longer sign in.");
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const mapping = storedImportMappingSchema.parse(job.mapping ?? {});
    const running = await db.importJob.updateMany({
      where: { id: job.id, workerId },
      data: { status: "RUNNING", startedAt: job.status === "QUEUED" ? new Date() : undefined, failureReason: null, finishedAt: null },
    });
    if (running.count === 0) throw new JobClaimLost("import", job.id);

    const { rows } = parseImportCsv(job.content);
    const batchSize = Math.max(1, Math.floor(checkpointEvery));
    for (let start = counters.processedRows; start < rows.length; start += batchSize) {
      if (heartbeat.lost()) throw new JobClaimLost("import", job.id);
      const batch = rows.slice(start, start + batchSize);
      // A row refused at validation (the same checks) was counted in failedRows then, and its error row written.
      const screenable = batch.flatMap((row) => {
        const mapped = row.shapeError ? null : mapImportRow(row.values, mapping);
        return mapped?.ok ? [{ row, submission: mapped.submission }] : [];
      });
      await screenRows(actor, job.id, screenable, counters, fence);
      const before = counters.processedRows;
      counters.processedRows += batch.length;
      if (Math.floor(counters.processedRows / ANALYZE_EVERY) > Math.floor(before / ANALYZE_EVERY)) await refreshStatistics();
      const status = await checkpoint(job.id, workerId, counters);
      if (status === "CANCELLED") {
        await db.importJob.updateMany({ where: { id: job.id, workerId }, data: { workerId: null } });
        return { status: "CANCELLED", ...counters };
      }
    }
    const done = await db.importJob.updateMany({ where: { id: job.id, workerId }, data: { ...counters, status: "COMPLETED", finishedAt: new Date(), workerId: null } });
    if (done.count === 0) throw new JobClaimLost("import", job.id);
    return { status: "COMPLETED", ...counters };
  } catch (error) {
    if (error instanceof JobClaimLost) {
      // Taken for dead and taken over: the new owner resumes from the last checkpoint. Write nothing more.
      console.warn(`[import ${job.id}] ${error.message}; this worker stops`);
      return { status: "LOST", ...counters };
    }
    // The database went away: keep the claim and the RUNNING status; processImportJob tries again when it is back.
    if (isDatabaseUnavailable(error)) throw error;
    // Counters stay at the last checkpoint; pg-boss retries the job, which resumes from there.
    const reason = error instanceof ImportFailure ? error.message : "The import stopped unexpectedly; it will be retried.";
    if (!(error instanceof ImportFailure)) console.error(`[import ${job.id}] failed`, error);
    try {
      await db.importJob.updateMany({ where: { id: job.id, workerId }, data: { status: "FAILED", failureReason: reason, finishedAt: new Date(), workerId: null } });
    } catch (markError) {
      // The database is unreachable: the job stays RUNNING under this claim, goes stale and is taken over.
      console.error(`[import ${job.id}] could not record the failure:`, markError instanceof Error ? markError.message : markError);
    }
    if (error instanceof ImportFailure) return { status: "FAILED", ...counters };
    throw error;
  } finally {
    heartbeat.stop();
  }
}

function countersOf(job: Counters | null): Counters {
  return { processedRows: job?.processedRows ?? 0, createdRows: job?.createdRows ?? 0, updatedRows: job?.updatedRows ?? 0, failedRows: job?.failedRows ?? 0 };
}

/** Writes the counters and the heartbeat, only while the job is this worker's; returns the job's status. */
async function checkpoint(jobId: string, workerId: string, c: Counters): Promise<string> {
  const rows = await getDb().$queryRaw<{ status: string }[]>`
    UPDATE import_jobs
    SET processed_rows = ${c.processedRows}, created_rows = ${c.createdRows}, updated_rows = ${c.updatedRows}, failed_rows = ${c.failedRows}, heartbeat_at = now()
    WHERE id = ${jobId}::uuid AND worker_id = ${workerId}
    RETURNING status::text`;
  if (rows.length === 0) throw new JobClaimLost("import", jobId);
  return rows[0].status;
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

async function screenRows(actor: Actor, jobId: string, screenable: ScreenableRow[], counters: Counters, fence: (client: SqlClient) => Promise<void>) {
  const db = getDb();
  const outcomes = await submitCandidates({
    actor,
    items: screenable.map(({ row, submission }) => ({ submission, idempotencyKey: `import:${jobId}:${row.rowNumber}` })),
    trigger: "csv",
    fence,
  });
  // A row that failed because the database went away is not a bad row: stop here, and the retry (or the worker that
  // takes the job over) screens it again from the last checkpoint.
  const unavailable = outcomes.find((o) => !o.ok && isDatabaseUnavailable(o.error));
  if (unavailable && !unavailable.ok) throw unavailable.error;
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
