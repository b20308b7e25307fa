// A worker in a process of its own, for the tests that kill one: processes the import given on the command line with
// small checkpoints, then exits. Run as
//   node --import tsx --import ./scripts/lib/register-server-only.mjs tests/support/process-import-in-child.ts <jobId> <checkpointEvery>
// with DATABASE_URL (and DB_POOL_MAX) set. Prints its worker id first, then the result as JSON.
import { processImportJob } from "@/lib/server/imports/process-import-job";
import { disconnectDb } from "@/lib/server/db";
import { getWorkerId } from "@/lib/server/jobs/job-claim";

const [importJobId, checkpointEvery] = process.argv.slice(2);
console.log(JSON.stringify({ workerId: getWorkerId() }));
try {
  const result = await processImportJob({ importJobId, checkpointEvery: Number(checkpointEvery) });
  console.log(JSON.stringify(result));
} finally {
  await disconnectDb();
}
