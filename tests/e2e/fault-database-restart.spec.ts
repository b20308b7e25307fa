// Fault: the database server goes away for a few seconds in the middle of a 60-second API load, and comes back.
// While it is down every answer must be a clean 503 with Retry-After (no 500, no request hanging past the client's
// timeout); nothing may be half-written; the first success after it is back must come within 5 s, without
// restarting the app. A CSV import runs in the background through the outage and must finish, each row once. The database is an embedded PostgreSQL (PGlite) that this test owns, persisted in a temp folder
// and restarted on the same port — to the app, a real server restart; the machine's shared PostgreSQL is never touched.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  AppProcess,
  appSecrets,
  candidatesCsv,
  eachRowOnce,
  embeddedDatabase,
  freePort,
  importProgress,
  importWrites,
  log,
  migrateAndSeed,
  queryDatabase,
  startFaultClock,
  startImportInBrowser,
  waitForImportEnd,
  type ImportProgress,
  type OwnDatabase,
} from "./fault-harness";
import { signIn } from "./fixtures";

const LOAD_SECONDS = 60;
const CLIENTS = 6;
/** The latest moment the database stops (earlier when the import reaches STOP_AFTER_ROWS). */
const DOWN_AT_SECONDS = 20;
const DOWN_FOR_SECONDS = 6;
/** A request that takes longer than this is a hang (the app must answer 503 well before). */
const CLIENT_TIMEOUT_MS = 10_000;
/** Pause after a 503 (shorter than Retry-After, to measure the recovery to a quarter second). */
const PAUSE_AFTER_503_MS = 250;
/** An import started this far into the load runs in the background through the outage. */
const IMPORT_AT_SECONDS = 8;
/** Enough rows that the import is still running when the database stops, on a fast machine too. */
const IMPORT_ROWS = 6_000;
/** The database stops once the import has written this many rows (a few checkpoints, most of the file still to go). */
const STOP_AFTER_ROWS = 400;

type Outcome = { client: number; n: number; start: number; end: number; status: number | "timeout" | "network"; retryAfter: string | null; candidateId?: string; error?: string };

test("a database restart during a 60 s API load: 503 + Retry-After while it is down, no partial writes, recovery within 5 s; a running import finishes", async ({ browser }) => {
  test.setTimeout(300_000);
  startFaultClock();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "hrs-fault-db-"));
  let db: OwnDatabase | undefined;
  let app: AppProcess | undefined;
  try {
    db = await embeddedDatabase(dataDir);
    const { apiKey: key } = await migrateAndSeed(db.url);
    log("embedded database migrated and seeded");
    const port = await freePort();
    // The per-key rate limit would answer part of the load with 429s: this test is about the database going away.
    const unlimited = { API_RATE_LIMIT_PER_SECOND: "100000", API_RATE_LIMIT_BURST: "100000" };
    app = await AppProcess.start({ port, env: { DATABASE_URL: db.url, DB_POOL_MAX: db.poolMax, ...appSecrets(), ...unlimited } });
    log(`app on ${app.baseUrl} (pid ${app.pid}), embedded database at ${db.url.replace(/\?.*/, "")}`);
    const context = await browser.newContext({ baseURL: app.baseUrl });
    const page = await context.newPage();
    await signIn(page, "recruiter");
    const importTag = `imp${Date.now().toString(36)}`;
    let jobId = "";
    // Set by the outage timeline below (an object, so the type survives the closure).
    const observed: { importAtStop: ImportProgress | null } = { importAtStop: null };

    const tag = Date.now().toString(36);
    log(`load: ${CLIENTS} clients for ${LOAD_SECONDS} s`);
    const t0 = Date.now();
    const at = () => Date.now() - t0;
    const outcomes: Outcome[] = [];
    const health: { at: number; status: number | "timeout" | "network" }[] = [];
    let downAt = Number.NaN;
    let upAt = Number.NaN;
    const stopAt = LOAD_SECONDS * 1000;

    const client = async (c: number) => {
      for (let n = 0; at() < stopAt; n++) {
        const start = at();
        const body = { stage: "APPLICATION", externalId: `load-${tag}-${c}-${n}`, profile: { candidate: { legalName: `Load Client ${c} Request ${n}`, email: `load.${tag}.${c}.${n}@example.org` } } };
        const outcome: Outcome = { client: c, n, start, end: 0, status: "network", retryAfter: null };
        try {
          const res = await fetch(`${app!.baseUrl}/api/v1/candidates`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": `load-${tag}-${c}-${n}` },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
          });
          outcome.status = res.status;
          outcome.retryAfter = res.headers.get("retry-after");
          const json = (await res.json().catch(() => null)) as { candidateId?: string; error?: { code?: string } } | null;
          if (res.ok) outcome.candidateId = json?.candidateId;
          else outcome.error = json?.error?.code;
        } catch (error) {
          outcome.status = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network";
          outcome.error = error instanceof Error ? error.message : String(error);
        }
        outcome.end = at();
        outcomes.push(outcome);
        if (outcome.status === 503) await new Promise((r) => setTimeout(r, PAUSE_AFTER_503_MS));
      }
    };
    const healthProbe = async () => {
      while (at() < stopAt) {
        let status: number | "timeout" | "network";
        try {
          status = (await fetch(`${app!.baseUrl}/api/health`, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) })).status;
        } catch (error) {
          status = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network";
        }
        health.push({ at: at(), status });
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const outage = async () => {
      await new Promise((r) => setTimeout(r, IMPORT_AT_SECONDS * 1000));
      jobId = await startImportInBrowser(page, `${importTag}.csv`, candidatesCsv(importTag, IMPORT_ROWS));
      log(`import ${jobId} of ${IMPORT_ROWS} rows started at ${(at() / 1000).toFixed(1)} s`);
      // The database stops once the import is part-way (a checkpoint written, rows still to go) — by progress, not
      // by the clock, since how fast the import runs depends on the machine — and at the latest DOWN_AT_SECONDS in.
      for (;;) {
        observed.importAtStop = await importProgress(context.request, jobId);
        const p = observed.importAtStop;
        const waiting = p !== null && (p.status === "QUEUED" || (p.status === "RUNNING" && p.processedRows < STOP_AFTER_ROWS));
        if (at() >= DOWN_AT_SECONDS * 1000 || !waiting) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await db!.stop();
      downAt = at();
      log(`database stopped at ${(downAt / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, DOWN_FOR_SECONDS * 1000));
      await db!.start();
      upAt = at();
      log(`database started again at ${(upAt / 1000).toFixed(1)} s`);
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, c) => client(c)), healthProbe(), outage()]);
    const imported = await waitForImportEnd(context.request, jobId, 150_000);
    const importDoneAt = at();

    const ok = outcomes.filter((o) => o.status === 200 || o.status === 201);
    const unavailable = outcomes.filter((o) => o.status === 503);
    const other = outcomes.filter((o) => !ok.includes(o) && !unavailable.includes(o));
    const duringOutage = outcomes.filter((o) => o.end > downAt && o.start < upAt);
    const firstOkAfter = ok.filter((o) => o.start >= downAt).sort((a, b) => a.end - b.end)[0];
    const recoveryMs = firstOkAfter ? firstOkAfter.end - upAt : Number.POSITIVE_INFINITY;
    const slowest = Math.max(...outcomes.map((o) => o.end - o.start));
    const figures = {
      requests: outcomes.length,
      ok: ok.length,
      unavailable503: unavailable.length,
      other: other.length,
      downtimeSeconds: +((upAt - downAt) / 1000).toFixed(1),
      recoverySeconds: +(recoveryMs / 1000).toFixed(2),
      slowestRequestSeconds: +(slowest / 1000).toFixed(2),
      healthDuringOutage: [...new Set(health.filter((h) => h.at > downAt + 500 && h.at < upAt).map((h) => h.status))],
      healthAtEnd: health.at(-1)?.status,
      importRowsAtStop: observed.importAtStop?.processedRows,
      importFinishedSeconds: +(importDoneAt / 1000).toFixed(1),
    };
    log(`figures: ${JSON.stringify(figures)}`);
    if (other.length) log(`other outcomes: ${JSON.stringify(other.slice(0, 10))}`);

    expect(other, "every answer is a success or a 503 (no 500, no hang, no dropped connection)").toEqual([]);
    expect(unavailable.length, "the outage was seen").toBeGreaterThan(0);
    expect(unavailable.filter((o) => o.retryAfter === null || !(Number(o.retryAfter) > 0)), "every 503 says when to retry").toEqual([]);
    expect(duringOutage.filter((o) => o.status !== 503 && o.end < upAt && o.start > downAt), "nothing but 503 while the database is down").toEqual([]);
    expect(slowest, "no request hangs").toBeLessThan(CLIENT_TIMEOUT_MS);
    expect(recoveryMs, "the first success comes within 5 s of the database being back").toBeLessThanOrEqual(5_000);
    expect(ok.filter((o) => o.start > upAt + 5_000).length, "the app serves again without a restart").toBeGreaterThan(0);
    expect(figures.healthDuringOutage).toEqual([503]);
    expect(figures.healthAtEnd).toBe(200);
    // The import was part-way when the database stopped, waited for it (not failed, not restarted) and finished.
    expect(observed.importAtStop).toMatchObject({ status: "RUNNING" });
    expect(observed.importAtStop!.processedRows).toBeLessThan(IMPORT_ROWS);
    expect(imported).toMatchObject({ status: "COMPLETED", processedRows: IMPORT_ROWS, createdRows: IMPORT_ROWS, updatedRows: 0, failedRows: 0, failureReason: null });
    expect(app.logLines(new RegExp(`import ${jobId}: the database is unreachable; trying again`)).length).toBeGreaterThan(0);
    await context.close();

    await app.stop();
    app = undefined;
    log("app stopped; checking the database");
    // No partial writes: every candidate the load created has exactly one screening and one "created" and one
    // "screened" audit event — those answered 2xx, and any whose answer was lost to the outage alike.
    const rows = await queryDatabase<{ id: string; screenings: number; created: number; screened: number }>(
      db.url,
      `WITH c AS (SELECT id FROM candidates WHERE external_id LIKE $1),
            s AS (SELECT candidate_id, count(*)::int AS n FROM screenings WHERE candidate_id IN (SELECT id FROM c) GROUP BY candidate_id),
            a AS (SELECT subject_id,
                         (count(*) FILTER (WHERE action = 'candidate.created'))::int AS created,
                         (count(*) FILTER (WHERE action = 'candidate.screened'))::int AS screened
                  FROM audit_events WHERE subject_id IN (SELECT id::text FROM c) GROUP BY subject_id)
       SELECT c.id::text AS id, COALESCE(s.n, 0) AS screenings, COALESCE(a.created, 0) AS created, COALESCE(a.screened, 0) AS screened
       FROM c LEFT JOIN s ON s.candidate_id = c.id LEFT JOIN a ON a.subject_id = c.id::text`,
      [`load-${tag}-%`],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ok.filter((o) => !o.candidateId || !byId.has(o.candidateId));
    const partial = rows.filter((r) => r.screenings !== 1 || r.created !== 1 || r.screened !== 1);
    log(`rows checked: ${rows.length} candidates (${ok.length} answered 2xx, ${rows.length - new Set(ok.map((o) => o.candidateId)).size} written but answered 503)`);
    expect(missing, "every 2xx has its candidate").toEqual([]);
    expect(partial, "every candidate has its screening and audit events").toEqual([]);
    const writes = await importWrites(db.url, importTag, jobId);
    log(`import rows checked: ${JSON.stringify(writes)}`);
    expect(writes).toEqual(eachRowOnce(IMPORT_ROWS, 0));
  } finally {
    await app?.stop();
    await db?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
});
