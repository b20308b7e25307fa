import "server-only";
import { isAppError } from "@/lib/errors";
import type { Actor } from "../auth/authorization";
import { getDb } from "../db";
import { isDatabaseUnavailable } from "../db/errors";
import { submitCandidates } from "../screening/submit-candidates";
import { claimFence, claimJob, getWorkerId, JobClaimLost, retryThroughOutages, startHeartbeat } from "./job-claim";

/** SKIPPED: nothing to do. BUSY: another live worker holds the job. LOST: taken over part-way (see job-claim.ts). */
export type ProcessRescreenJobResult = { status: "COMPLETED" | "FAILED" | "SKIPPED" | "BUSY" | "LOST"; total: number; processed: number; failed: number; rescreened: number };

const PAGE = 200;

export type ProcessRescreenJobOptions = {
  rescreenJobId: string;
  checkpointEvery?: number;
  /** The worker claiming the job (default: this process's id; tests run several workers in one process). */
  workerId?: string;
};

/**
 * The worker for a re-screen: every candidate not WITHDRAWN, in id order, gets a new screening at their current stage
 * with their stored profile (an empty update), recorded as the user who triggered it, trigger "rescreen", screened
 * `checkpointEvery` candidates per transaction (progress is written after each). The key
 * `rescreen:<reason>:<subject>:<candidate>` makes a re-run (retry, crash, takeover) replay instead of screening twice:
 * a run starts over from the first candidate and counts again, the candidates already done are cheap replays.
 * Claimed, fenced and heartbeated like an import (lib/server/jobs/job-claim.ts): one worker at a time.
 */
export async function processRescreenJob(options: ProcessRescreenJobOptions): Promise<ProcessRescreenJobResult> {
  // A database outage does not fail the re-screen: the worker waits for the database and runs again (replaying).
  return retryThroughOutages(`re-screen ${options.rescreenJobId}`, () => runRescreenJob(options));
}

async function runRescreenJob({ rescreenJobId, checkpointEvery = 100, workerId = getWorkerId() }: ProcessRescreenJobOptions): Promise<ProcessRescreenJobResult> {
  const batchSize = Math.max(1, Math.floor(checkpointEvery));
  const db = getDb();
  const found = await db.rescreenJob.findUnique({ where: { id: rescreenJobId } });
  if (!found || found.status === "COMPLETED" || found.status === "CANCELLED") {
    return { status: "SKIPPED", total: found?.total ?? 0, processed: found?.processed ?? 0, failed: found?.failed ?? 0, rescreened: 0 };
  }
  if (!(await claimJob("rescreen", rescreenJobId, workerId))) {
    const now = await db.rescreenJob.findUnique({ where: { id: rescreenJobId }, select: { status: true } });
    const busy = now !== null && ["QUEUED", "RUNNING", "FAILED"].includes(now.status);
    return { status: busy ? "BUSY" : "SKIPPED", total: found.total, processed: found.processed, failed: found.failed, rescreened: 0 };
  }
  const job = await db.rescreenJob.findUniqueOrThrow({ where: { id: rescreenJobId } });
  const user = await db.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  if (!user || user.disabled) {
    await db.rescreenJob.updateMany({ where: { id: job.id, workerId }, data: { status: "FAILED", finishedAt: new Date(), workerId: null } });
    return { status: "FAILED", total: 0, processed: 0, failed: 0, rescreened: 0 };
  }
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  const total = await db.candidate.count({ where: { stage: { not: "WITHDRAWN" } } });
  const heartbeat = startHeartbeat("rescreen", job.id, workerId);
  const fence = claimFence("rescreen", job.id, workerId);

  let processed = 0;
  let failed = 0;
  let rescreened = 0;
  let cursor: string | undefined;
  try {
    const running = await db.rescreenJob.updateMany({ where: { id: job.id, workerId }, data: { status: "RUNNING", total, processed: 0, failed: 0, startedAt: job.startedAt ?? new Date() } });
    if (running.count === 0) throw new JobClaimLost("rescreen", job.id);
    for (;;) {
      const page = await db.candidate.findMany({
        where: { stage: { not: "WITHDRAWN" }, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, stage: true },
      });
      if (page.length === 0) break;
      // One transaction per slice of the page; counters are checkpointed after each slice.
      for (let start = 0; start < page.length; start += batchSize) {
        if (heartbeat.lost()) throw new JobClaimLost("rescreen", job.id);
        const slice = page.slice(start, start + batchSize);
        const outcomes = await submitCandidates({
          actor,
          items: slice.map((candidate) => ({
            candidateId: candidate.id,
            submission: { stage: candidate.stage, profile: {} },
            // At the stage stored when the screening is written: a user may move the candidate meanwhile.
            keepStage: true,
            idempotencyKey: `rescreen:${job.reason}:${job.subjectId}:${candidate.id}`,
          })),
          trigger: "rescreen",
          fence,
        });
        // The database went away: not a failed candidate. Stop; the retry or the next owner screens it again.
        const unavailable = outcomes.find((o) => !o.ok && isDatabaseUnavailable(o.error));
        if (unavailable && !unavailable.ok) throw unavailable.error;
        slice.forEach((candidate, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) {
            if (!outcome.result.replayed) rescreened++;
          } else {
            // One candidate changed concurrently (CONFLICT) or vanished: count it and go on with the rest.
            if (!isAppError(outcome.error)) console.error(`[rescreen ${job.id}] candidate ${candidate.id} failed`, outcome.error);
            failed++;
          }
        });
        processed += slice.length;
        await checkpoint(job.id, workerId, processed, failed);
      }
      cursor = page[page.length - 1].id;
    }
    const done = await db.rescreenJob.updateMany({
      where: { id: job.id, workerId },
      data: { status: "COMPLETED", processed, failed, total: Math.max(total, processed), finishedAt: new Date(), workerId: null },
    });
    if (done.count === 0) throw new JobClaimLost("rescreen", job.id);
  } catch (error) {
    if (error instanceof JobClaimLost) {
      console.warn(`[rescreen ${job.id}] ${error.message}; this worker stops`);
      return { status: "LOST", total, processed, failed, rescreened };
    }
    // The database went away: keep the claim and the RUNNING status; processRescreenJob tries again when it is back.
    if (isDatabaseUnavailable(error)) throw error;
    try {
      await db.rescreenJob.updateMany({ where: { id: job.id, workerId }, data: { status: "FAILED", processed, failed, workerId: null } });
    } catch (markError) {
      // The database is unreachable: the job stays RUNNING under this claim, goes stale and is taken over.
      console.error(`[rescreen ${job.id}] could not record the failure:`, markError instanceof Error ? markError.message : markError);
    }
    throw error;
  } finally {
    heartbeat.stop();
  }
  return { status: "COMPLETED", total: Math.max(total, processed), processed, failed, rescreened };
}

/** Progress and heartbeat, only while the job is this worker's. */
async function checkpoint(jobId: string, workerId: string, processed: number, failed: number): Promise<void> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE rescreen_jobs SET processed = ${processed}, failed = ${failed}, heartbeat_at = now()
    WHERE id = ${jobId}::uuid AND worker_id = ${workerId}
    RETURNING id::text`;
  if (rows.length === 0) throw new JobClaimLost("rescreen", jobId);
}
