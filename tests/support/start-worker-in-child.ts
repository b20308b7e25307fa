// The background worker in a process of its own, as the app starts it (instrumentation.ts): for the test that starts
// it while the database is unreachable. Prints "worker started" once it has registered; runs until killed.
// node --import tsx --import ./scripts/lib/register-server-only.mjs tests/support/start-worker-in-child.ts
import { startJobWorker } from "@/lib/server/jobs/start-job-worker";

await startJobWorker();
console.log("worker started");
setInterval(() => {}, 60_000);
