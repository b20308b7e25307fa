import "server-only";
import type PgBoss from "pg-boss";
import { getDb } from "../db";
import { getJobQueue, QUEUES } from "./get-job-queue";
import { getWorkerId, staleAfterSeconds } from "./job-claim";

export type ReapStaleJobsOptions = {
  /** Seconds without a heartbeat after which a job's worker is taken for dead (default JOB_STALE_AFTER_SECONDS). */
  staleSeconds?: number;
};

export type ReapStaleJobsResult = { imports: string[]; rescreens: string[] };

/**
 * Hands the jobs of dead workers back to the queue. A QUEUED or RUNNING import or re-screen whose heartbeat (or, never
 * claimed, its start or queue time) is older than the staleness window is released (`worker_id` cleared, the
 * heartbeat set to now so that concurrent reapers in other processes skip it) and queued again; the next worker
 * claims it and resumes from its last checkpoint (rows are idempotent by key, so a replayed batch writes nothing
 * twice). The dead worker's pg-boss job, still "active" until its 23-hour expiry, is completed so pg-boss does not
 * retry it a day later. The queues use the "short" policy with the job id as singleton key, so a job that is already
 * waiting in the queue is not queued a second time.
 *
 * Runs at worker start and periodically in every worker process (`startJobWorker`). If this process dies between
 * releasing and queueing, the released job goes stale again and the next pass queues it.
 */
export async function reapStaleJobs({ staleSeconds = staleAfterSeconds() }: ReapStaleJobsOptions = {}): Promise<ReapStaleJobsResult> {
  const db = getDb();
  const imports = await db.$queryRaw<{ id: string }[]>`
    UPDATE import_jobs SET worker_id = NULL, heartbeat_at = now()
    WHERE status IN ('QUEUED', 'RUNNING')
      AND COALESCE(heartbeat_at, started_at, queued_at, created_at) < now() - ${staleSeconds}::double precision * interval '1 second'
    RETURNING id::text`;
  const rescreens = await db.$queryRaw<{ id: string }[]>`
    UPDATE rescreen_jobs SET worker_id = NULL, heartbeat_at = now()
    WHERE status IN ('QUEUED', 'RUNNING')
      AND COALESCE(heartbeat_at, started_at, created_at) < now() - ${staleSeconds}::double precision * interval '1 second'
    RETURNING id::text`;
  const result = { imports: imports.map((r) => r.id), rescreens: rescreens.map((r) => r.id) };
  if (result.imports.length === 0 && result.rescreens.length === 0) return result;

  const boss = await getJobQueue();
  await requeue(boss, QUEUES.csvImport, "importJobId", result.imports);
  await requeue(boss, QUEUES.rescreen, "rescreenJobId", result.rescreens);
  return result;
}

async function requeue(boss: PgBoss, queue: string, field: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  // pg-boss has no look-up by payload; its job table is the one place that knows which deliveries are still active.
  const orphans = await getDb().$queryRaw<{ id: string }[]>`
    SELECT id::text FROM pgboss.job WHERE name = ${queue} AND state = 'active' AND data->>${field} = ANY (${ids}::text[])`;
  for (const orphan of orphans) await boss.complete(queue, orphan.id, { releasedBy: getWorkerId(), reason: "worker heartbeat stale" });
  for (const id of ids) {
    await boss.send(queue, { [field]: id }, { singletonKey: id });
  }
}
