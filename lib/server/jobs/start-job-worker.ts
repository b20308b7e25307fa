import "server-only";
import { processImportJob } from "../imports/process-import-job";
import { getJobQueue, QUEUES, type CsvImportJobData, type RescreenJobData } from "./get-job-queue";
import { processRescreenJob } from "./process-rescreen-job";

const globalForWorker = globalThis as unknown as { __jobWorker?: Promise<void> };

/**
 * Starts processing queued imports and re-screens in this process (once; later calls return the same promise).
 * Called from instrumentation.ts when the Next server starts — the app process is the one that holds the database
 * connection, so the worker shares it instead of opening another (ADR 0001). One job at a time per queue: every
 * row is a screening, and the embedded database has a single connection anyway.
 */
export function startJobWorker(): Promise<void> {
  globalForWorker.__jobWorker ??= register().catch((error: unknown) => {
    globalForWorker.__jobWorker = undefined;
    throw error;
  });
  return globalForWorker.__jobWorker;
}

async function register(): Promise<void> {
  const boss = await getJobQueue();
  await boss.work<CsvImportJobData>(QUEUES.csvImport, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    await processImportJob({ importJobId: job.data.importJobId });
  });
  await boss.work<RescreenJobData>(QUEUES.rescreen, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
    await processRescreenJob({ rescreenJobId: job.data.rescreenJobId });
  });
}

/** For tests: forget the registration after `stopJobQueue()`. */
export function resetJobWorker(): void {
  globalForWorker.__jobWorker = undefined;
}
