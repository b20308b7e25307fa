import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getDb, Prisma } from "../db";
import { isDatabaseUnavailable } from "../db/errors";
import type { SqlClient } from "../db/sql";
import { getEnv } from "../env";

/**
 * Ownership of background jobs (imports, re-screens) when several worker processes share one database.
 *
 * A worker claims a job before it processes it: the claim (`worker_id`, `heartbeat_at`) only succeeds when the job is
 * unclaimed, already its own, or its owner's heartbeat is older than JOB_STALE_AFTER_SECONDS (a dead worker). The owner
 * beats at every checkpoint and on a timer, checks the claim inside every write transaction (`claimFence`: the row is
 * share-locked, so nobody can take the job over while a batch is being written) and stops as soon as the claim is
 * gone. `reapStaleJobs` hands jobs of dead workers back to the queue. All times are the database's clock, so workers
 * on hosts with different clocks agree on what is stale.
 */
export type JobKind = "import" | "rescreen";

const TABLES: Record<JobKind, string> = { import: "import_jobs", rescreen: "rescreen_jobs" };
const table = (kind: JobKind) => Prisma.raw(`"${TABLES[kind]}"`);

/** The statuses a worker may pick a job up in (a FAILED job is being retried). */
const CLAIMABLE = Prisma.raw(`('QUEUED', 'RUNNING', 'FAILED')`);

const globalForWorker = globalThis as unknown as { __jobWorkerId?: string };

/** This process's worker id: host, pid and a random part (a restarted process on the same pid is another worker). */
export function getWorkerId(): string {
  globalForWorker.__jobWorkerId ??= `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  return globalForWorker.__jobWorkerId;
}

export function staleAfterSeconds(): number {
  return getEnv().JOB_STALE_AFTER_SECONDS;
}

/** The claim is gone: another worker took the job over (this one was taken for dead), or it was released. */
export class JobClaimLost extends Error {
  constructor(kind: JobKind, jobId: string) {
    super(`${kind} job ${jobId}: another worker has taken it over`);
  }
}

/**
 * Claims `jobId` for `workerId`: true when it is now this worker's. False when the job is not in a claimable status
 * or another worker holds it with a fresh heartbeat.
 */
export async function claimJob(kind: JobKind, jobId: string, workerId: string, staleSeconds = staleAfterSeconds()): Promise<boolean> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE ${table(kind)} SET worker_id = ${workerId}, heartbeat_at = now()
    WHERE id = ${jobId}::uuid AND status IN ${CLAIMABLE}
      AND (worker_id IS NULL OR worker_id = ${workerId} OR heartbeat_at IS NULL
           OR heartbeat_at < now() - ${staleSeconds}::double precision * interval '1 second')
    RETURNING id::text`;
  return rows.length === 1;
}

/** Refreshes the claim's heartbeat; false when the claim is no longer this worker's. */
export async function heartbeatJob(kind: JobKind, jobId: string, workerId: string): Promise<boolean> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE ${table(kind)} SET heartbeat_at = now() WHERE id = ${jobId}::uuid AND worker_id = ${workerId} RETURNING id::text`;
  return rows.length === 1;
}

/**
 * For `submitCandidates({ fence })`: the first statement of every write transaction. Share-locks the job row while it
 * is still this worker's (a takeover waits until the batch commits) and throws `JobClaimLost` otherwise, so a worker
 * that was taken for dead writes nothing more.
 */
export function claimFence(kind: JobKind, jobId: string, workerId: string): (client: SqlClient) => Promise<void> {
  const sql = `SELECT 1 FROM "${TABLES[kind]}" WHERE id = $1::uuid AND worker_id = $2 FOR SHARE`;
  return async (client) => {
    const { rowCount } = await client.query(sql, [jobId, workerId]);
    if (rowCount !== 1) throw new JobClaimLost(kind, jobId);
  };
}

/**
 * Beats every third of the staleness window while `work` runs, so a long checkpoint never makes a live worker look
 * dead. `lost()` turns true when a beat finds the claim gone; the worker checks it between batches.
 */
export function startHeartbeat(kind: JobKind, jobId: string, workerId: string): { lost: () => boolean; stop: () => void } {
  let lost = false;
  let beating = false;
  const timer = setInterval(() => {
    if (beating || lost) return;
    beating = true;
    heartbeatJob(kind, jobId, workerId)
      .then((mine) => {
        if (!mine) lost = true;
      })
      // The database is unreachable: the next checkpoint will fail too and end the run; nothing to do here.
      .catch((error: unknown) => console.error(`[jobs] heartbeat for ${kind} job ${jobId} failed:`, error instanceof Error ? error.message : error))
      .finally(() => {
        beating = false;
      });
  }, Math.max(250, (staleAfterSeconds() * 1000) / 3));
  timer.unref();
  return { lost: () => lost, stop: () => clearInterval(timer) };
}

/** How long a worker keeps trying through a database outage before it leaves the job to the queue and the reaper. */
const OUTAGE_BUDGET_MS = 5 * 60 * 1000;

/**
 * Runs `run` again while it fails because the database is unreachable (a restart, a failover), waiting 1, 2, 4, then
 * 5 s between tries, for at most five minutes: a job survives a database restart without being marked failed, and
 * continues from its last checkpoint seconds after the database is back. `run` re-claims the job each time (its own
 * claim is still valid; if the outage outlasted the staleness window and another worker took over, it gets BUSY).
 */
export async function retryThroughOutages<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() - started > OUTAGE_BUDGET_MS) throw error;
      const waitMs = Math.min(5_000, 1_000 * 2 ** attempt);
      console.warn(`[jobs] ${label}: the database is unreachable; trying again in ${waitMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
