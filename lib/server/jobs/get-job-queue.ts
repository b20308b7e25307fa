import "server-only";
import PgBoss from "pg-boss";
import { getDb } from "../db";
import { createPrismaBossDb } from "./prisma-boss-db";

export const QUEUES = {
  csvImport: "csv-import",
  rescreen: "candidate-rescreen",
} as const;

export type CsvImportJobData = { importJobId: string };
export type RescreenJobData = { rescreenJobId: string };

const globalForBoss = globalThis as unknown as { __jobQueue?: Promise<PgBoss> };

/**
 * The process's pg-boss instance, started once (its schema `pgboss` is created on first start) with both queues.
 * Sending needs only this; processing is started separately by `startJobWorker` in the app process.
 * Cron scheduling is off (nothing here is scheduled); supervision (expiry, archiving) stays on.
 */
export function getJobQueue(): Promise<PgBoss> {
  globalForBoss.__jobQueue ??= createQueue().catch((error: unknown) => {
    globalForBoss.__jobQueue = undefined;
    throw error;
  });
  return globalForBoss.__jobQueue;
}

async function createQueue(): Promise<PgBoss> {
  const boss = new PgBoss({ db: createPrismaBossDb(getDb()), schema: "pgboss", schedule: false, supervise: true, migrate: true });
  boss.on("error", (error) => console.error("[jobs] pg-boss error", error));
  await boss.start();
  // A whole import or re-screen is one job; each is resumable and idempotent per row, so a retry is safe. A worker
  // that dies leaves its job "active" here until expiry: the reaper (reap-stale-jobs.ts) notices the stale heartbeat
  // long before and queues the job again. "short": at most one waiting job per singleton key (the job's id), so
  // queueing a job that is already waiting does nothing.
  const options = { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 23 * 60 * 60 } as const;
  try {
    for (const name of [QUEUES.csvImport, QUEUES.rescreen]) {
      await boss.createQueue(name, { name, ...options });
      // createQueue leaves an existing queue as it is; queues made before the policy was set get it here.
      await boss.updateQueue(name, { name, ...options });
    }
  } catch (error) {
    // The database went away part-way: stop this instance (its maintenance timers run) before the caller tries again.
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw error;
  }
  return boss;
}

/** Stops the queue and its worker (tests and scripts; the app process keeps it for its lifetime). */
export async function stopJobQueue(): Promise<void> {
  const pending = globalForBoss.__jobQueue;
  globalForBoss.__jobQueue = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}
