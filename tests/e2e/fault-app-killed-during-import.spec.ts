// Fault: the app process (next-server, which runs the background worker) is killed with SIGKILL in the middle of a
// CSV import, and started again on the same database. The import must resume and finish with every row written
// exactly once. The app here is our own `next start` of the production build on a database of its own (a scratch
// database on the DATABASE_URL server, or an embedded one), not the shared e2e server.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppProcess, appSecrets, freePort, log, migrateAndSeed, ownDatabase, queryDatabase, type OwnDatabase } from "./fault-harness";
import { signIn } from "./fixtures";

const ROWS = 3_000;
// Data rows (0-based) that fail validation: counted as failed at the start, never screened.
const BAD = new Set([10, 1_500, 2_990]);

function csv(tag: string): string {
  const lines = ["Candidate ID,Full Name,Email Address,City,Country,Stage"];
  for (let i = 0; i < ROWS; i++) {
    const email = BAD.has(i) ? "not-an-email" : `kai.${tag}.${i}@example.org`;
    lines.push(`${tag}-${i},Kai Resume ${tag} ${i},${email},Portland,US,Application`);
  }
  return `${lines.join("\n")}\n`;
}

type Progress = { status: string; totalRows: number; processedRows: number; createdRows: number; updatedRows: number; failedRows: number };

test("the app killed with SIGKILL during a CSV import is started again and finishes the import: no row lost, none written twice", async ({ browser }) => {
  test.setTimeout(300_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hrs-fault-import-"));
  let db: OwnDatabase | undefined;
  let app: AppProcess | undefined;
  try {
    db = await ownDatabase(dataDir);
    await migrateAndSeed(db.url);
    const port = await freePort();
    // A dead worker's job is taken over after 3 s without a heartbeat (60 s by default).
    const env = { DATABASE_URL: db.url, DB_POOL_MAX: db.poolMax, JOB_STALE_AFTER_SECONDS: "3", ...appSecrets() };
    app = await AppProcess.start({ port, env });
    log(`app on ${app.baseUrl} (pid ${app.pid}), ${db.kind} database`);

    const context = await browser.newContext({ baseURL: app.baseUrl });
    const page = await context.newPage();
    await signIn(page, "recruiter");
    await page.goto("/candidates/import");
    const tag = Date.now().toString(36);
    const upload = page.getByRole("form", { name: "Upload a CSV file" });
    await upload.getByLabel("CSV file").setInputFiles({ name: `kill-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv(tag)) });
    await upload.getByRole("button", { name: "Upload and map columns" }).click();
    await expect(page.getByRole("heading", { name: "Which column is which?" })).toBeVisible();
    const jobId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByRole("form", { name: "Map columns" }).getByRole("button", { name: "Validate and import" }).click();
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
    // Leave the progress page before the kill (its polling would only log failed requests).
    await page.goto("about:blank");

    const progress = async (): Promise<Progress | null> => {
      try {
        const res = await context.request.get(`/api/imports/${jobId}`, { timeout: 5_000 });
        return res.ok() ? ((await res.json()) as { import: Progress }).import : null;
      } catch {
        return null;
      }
    };
    const started = Date.now();
    let atKill: Progress | null = null;
    while (Date.now() - started < 120_000) {
      const p = await progress();
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

    const restartedAt = Date.now();
    app = await AppProcess.start({ port, env });
    let done: Progress | null = null;
    while (Date.now() - restartedAt < 180_000) {
      const p = await progress();
      if (p && ["COMPLETED", "FAILED", "CANCELLED"].includes(p.status)) {
        done = p;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    log(`resumed and finished ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart: ${JSON.stringify(done)}`);
    expect(done).toEqual({ ...done, status: "COMPLETED", totalRows: ROWS, processedRows: ROWS, createdRows: ROWS - BAD.size, updatedRows: 0, failedRows: BAD.size });
    // The new process took the job over through the reaper, not through pg-boss's 23-hour expiry.
    expect(app.logLines(/resumed jobs of stopped workers/).join("\n")).toContain(jobId);
    await context.close();
    await app.stop();
    app = undefined;

    // Row by row, in the database: one candidate per good row, each with one screening, one "created" and one
    // "screened" audit event and one idempotency key; the bad rows are recorded once each and nothing else.
    const [counts] = await queryDatabase<Record<string, number>>(
      db.url,
      `WITH c AS (SELECT id, external_id FROM candidates WHERE external_id LIKE $1)
       SELECT (SELECT count(*)::int FROM c) AS candidates,
              (SELECT count(DISTINCT external_id)::int FROM c) AS distinct_external_ids,
              (SELECT count(*)::int FROM screenings s JOIN c ON c.id = s.candidate_id) AS screenings,
              (SELECT count(DISTINCT s.candidate_id)::int FROM screenings s JOIN c ON c.id = s.candidate_id) AS screened_candidates,
              (SELECT count(*)::int FROM audit_events a JOIN c ON a.subject_id = c.id::text WHERE a.action = 'candidate.created') AS created_events,
              (SELECT count(DISTINCT a.subject_id)::int FROM audit_events a JOIN c ON a.subject_id = c.id::text WHERE a.action = 'candidate.created') AS created_subjects,
              (SELECT count(*)::int FROM audit_events a JOIN c ON a.subject_id = c.id::text WHERE a.action = 'candidate.screened') AS screened_events,
              (SELECT count(*)::int FROM idempotency_keys WHERE key LIKE $2) AS keys,
              (SELECT count(*)::int FROM import_row_errors WHERE job_id = $3::uuid) AS row_errors,
              (SELECT count(*)::int FROM pgboss.job WHERE name = 'csv-import' AND state = 'active') AS active_deliveries`,
      [`${tag}-%`, `import:${jobId}:%`, jobId],
    );
    const good = ROWS - BAD.size;
    log(`rows checked: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({
      candidates: good,
      distinct_external_ids: good,
      screenings: good,
      screened_candidates: good,
      created_events: good,
      created_subjects: good,
      screened_events: good,
      keys: good,
      row_errors: BAD.size,
      active_deliveries: 0,
    });
    const [job] = await queryDatabase<{ worker_id: string | null; processed_rows: number }>(db.url, `SELECT worker_id, processed_rows FROM import_jobs WHERE id = $1::uuid`, [jobId]);
    expect(job).toEqual({ worker_id: null, processed_rows: ROWS });
  } finally {
    await app?.stop();
    await db?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
});
