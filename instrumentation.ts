// Next calls register() once when the server process starts.
// 1. The enrichment data files are loaded now, not on the first screening: a missing or unreadable file is logged
//    loudly at start and fails the readiness check (/api/health), instead of quietly scoring every IP as unknown.
// 2. The app process is where the background worker for CSV imports and re-screens runs: it shares the app's one
//    database client (ADR 0001), and `npm start` keeps the database host in a separate parent process that must never
//    block. Set JOB_WORKER=off to run a web-only process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { loadEnrichmentData } = await import("@/lib/server/screening/enrichment-data");
  loadEnrichmentData();
  if (process.env.JOB_WORKER === "off") return;
  const { startJobWorker } = await import("@/lib/server/jobs/start-job-worker");
  // In the background: a database that is not reachable yet must not stop the server from starting.
  startJobWorker().catch((error: unknown) => console.error("[jobs] the background worker could not start", error));
}
