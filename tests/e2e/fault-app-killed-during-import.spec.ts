// Fault: the app process (our server with Next inside, which runs the background worker) is killed with SIGKILL in the middle of a
// CSV import, and started again on the same database. The import must resume and finish with every row written
// exactly once. The app here is our own server (scripts/server.mjs) on the production build on a database of its own (a scratch
// database on the DATABASE_URL server, or an embedded one), not the shared e2e server.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  AppProcess,
  appSecrets,
  candidatesCsv,
  eachRowOnce,
  freePort,
  importProgress,
  importWrites,
  log,
  migrateAndSeed,
  ownDatabase,
  queryDatabase,
  startFaultClock,
  startImportInBrowser,
  waitForImportEnd,
  type ImportProgress,
  type OwnDatabase,
} from "./fault-harness";
import { signIn } from "./fixtures";

const ROWS = 2_000;
// Data rows (0-based) that fail validation: counted as failed at the start, never screened.
const BAD = new Set([10, 1_000, 1_990]);

test("the app killed with SIGKILL during a CSV import is started again and finishes the import: no row lost, none written twice", async ({ browser }) => {
  test.setTimeout(300_000);
  startFaultClock();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hrs-fault-import-"));
  let db: OwnDatabase | undefined;
  let app: AppProcess | undefined;
  try {
    db = await ownDatabase(dataDir);
    await migrateAndSeed(db.url);
    log(`${db.kind} database migrated and seeded`);
    const port = await freePort();
    // A dead worker's job is taken over after 3 s without a heartbeat (60 s by default).
    const env = { DATABASE_URL: db.url, DB_POOL_MAX: db.poolMax, JOB_STALE_AFTER_SECONDS: "3", ...appSecrets() };
    app = await AppProcess.start({ port, env });
    log(`app on ${app.baseUrl} (pid ${app.pid}), ${db.kind} database`);

    const context = await browser.newContext({ baseURL: app.baseUrl });
    const page = await context.newPage();
    await signIn(page, "recruiter");
    const tag = Date.now().toString(36);
    const jobId = await startImportInBrowser(page, `kill-${tag}.csv`, candidatesCsv(tag, ROWS, BAD));

    const started = Date.now();
    let atKill: ImportProgress | null = null;
    while (Date.now() - started < 120_000) {
      const p = await importProgress(context.request, jobId);
      if (p && p.processedRows >= ROWS / 5) {
        atKill = p;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(atKill, "the import made progress").not.toBeNull();
    expect(await app.kill()).toBe("SIGKILL");
    log(`SIGKILL at checkpoint ${atKill!.processedRows}/${ROWS} rows (${atKill!.status})`);
    expect(atKill!.status).toBe("RUNNING");
    expect(atKill!.processedRows).toBeLessThan(ROWS);

    // Same port, same secrets: the browser's session is still valid for the progress requests.
    const restartedAt = Date.now();
    app = await AppProcess.start({ port, env });
    const done = await waitForImportEnd(context.request, jobId, 180_000);
    log(`resumed and finished ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart: ${JSON.stringify(done)}`);
    expect(done).toMatchObject({ status: "COMPLETED", totalRows: ROWS, processedRows: ROWS, createdRows: ROWS - BAD.size, updatedRows: 0, failedRows: BAD.size, failureReason: null });
    // The new process took the job over through its reaper, not through pg-boss's 23-hour expiry.
    expect(app.logLines(/resumed jobs of stopped workers/).join("\n")).toContain(jobId);
    await context.close();
    await app.stop();
    app = undefined;

    // Row by row, in the database: one candidate per good row, each with one screening, one "created" and one
    // "screened" audit event and one idempotency key; the bad rows are recorded once each; no delivery left active.
    const writes = await importWrites(db.url, tag, jobId);
    log(`rows checked: ${JSON.stringify(writes)}`);
    expect(writes).toEqual(eachRowOnce(ROWS - BAD.size, BAD.size));
    const [job] = await queryDatabase<{ worker_id: string | null; processed_rows: number }>(db.url, `SELECT worker_id, processed_rows FROM import_jobs WHERE id = $1::uuid`, [jobId]);
    expect(job).toEqual({ worker_id: null, processed_rows: ROWS });
  } finally {
    await app?.stop();
    await db?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
});
