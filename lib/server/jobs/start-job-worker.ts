import "server-only";
import { isDatabaseUnavailable } from "../db/errors";
import { processImportJob } from "../imports/process-import-job";
import { getJobQueue, QUEUES, type CsvImportJobData, type RescreenJobData } from "./get-job-queue";
import { staleAfterSeconds } from "./job-claim";
import { processRescreenJob } from "./process-rescreen-job";
import { reapStaleJobs } from "./reap-stale-jobs";

const globalForWorker = globalThis as unknown as { __jobWorker?: Promise<void>; __jobReaper?: ReturnType<typeof setInterval>; __jobWorkerStopped?: boolean };

/** Seconds between two tries to start the worker while the database is unreachable. */
const START_RETRY_SECONDS = 5;

/**
 * Starts processing queued imports and re-screens in this process (once; later calls return the same promise).
 * Called from instrumentation.ts when the Next server starts — the app process is the one that holds the database
 * connection, so the worker shares it instead of opening another (ADR 0001). One job at a time per queue: every
 * row is a screening, and the embedded database has a single connection anyway. Several processes may run workers on
 * one database: each job is claimed by one of them at a time (job-claim.ts), and each process reaps the jobs of
 * workers that died (at start, then every half staleness window, at most every 30 s).
 * A database that is unreachable at start is tried again every few seconds until it answers.
 */
export function startJobWorker(): Promise<void> {
  globalForWorker.__jobWorkerStopped = false;
  globalForWorker.__jobWorker ??= startWithRetries();
  return globalForWorker.__jobWorker;
}

async function startWithRetries(): Promise<void> {
  for (;;) {
    try {
      await register();
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || globalForWorker.__jobWorkerStopped) {
        globalForWorker.__jobWorker = undefined;
        throw error;
      }
      console.error(`[jobs] the database is unreachable; starting the worker again in ${START_RETRY_SECONDS} s`);
      await new Promise((resolve) => setTimeout(resolve, START_RETRY_SECONDS * 1000));
    }
  }
}

async function register(): Promise<void> {
  const boss = await getJobQueue();
  await boss.work<CsvImportJobData>(QUEUES.csvImport, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    return processImportJob({ importJobId: job.data.importJobId });
  });
  await boss.work<RescreenJobData>(QUEUES.rescreen, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
    return processRescreenJob({ rescreenJobId: job.data.rescreenJobId });
  });
  startReaper();
}

function startReaper(): void {
  if (globalForWorker.__jobReaper) return;
  let running = false;
  const reap = async () => {
    if (running || globalForWorker.__jobWorkerStopped) return;
    running = true;
    try {
      const { imports, rescreens } = await reapStaleJobs();
      if (imports.length || rescreens.length) console.warn(`[jobs] resumed jobs of stopped workers: imports ${imports.join(", ") || "none"}; re-screens ${rescreens.join(", ") || "none"}`);
    } catch (error) {
      console.error("[jobs] reaping stale jobs failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  void reap();
  const everySeconds = Math.min(30, Math.max(1, staleAfterSeconds() / 2));
  globalForWorker.__jobReaper = setInterval(() => void reap(), everySeconds * 1000);
  globalForWorker.__jobReaper.unref();
}

/** For tests: forget the registration after `stopJobQueue()`, and stop reaping. */
export function resetJobWorker(): void {
  globalForWorker.__jobWorkerStopped = true;
  if (globalForWorker.__jobReaper) clearInterval(globalForWorker.__jobReaper);
  globalForWorker.__jobReaper = undefined;
  globalForWorker.__jobWorker = undefined;
}
