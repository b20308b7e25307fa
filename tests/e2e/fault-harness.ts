// Fault tests start their own app processes (the production build, `next start`) on databases of their own, so they
// can kill the app or stop the database without disturbing the shared e2e server or the machine's PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs";
import { prismaCli, ROOT, runNode, SERVER_SCRIPT_ARGS } from "../../scripts/lib/processes.mjs";
import { createScratchDatabase } from "../../scripts/lib/scratch-database.mjs";

let clock = Date.now();
/** Restarts the clock `log` prints (call at the start of a test). */
export function startFaultClock(): void {
  clock = Date.now();
}
/** Logs with the seconds since `startFaultClock`. */
export const log = (message: string) => console.log(`[fault +${((Date.now() - clock) / 1000).toFixed(1)}s] ${message}`);

/** A free TCP port on loopback (asked of the kernel, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type OwnDatabase = {
  url: string;
  /** Connections an app process may open (the embedded server takes one). */
  poolMax: string;
  kind: "embedded" | "server";
  /** Stops the database server (embedded only: the machine's PostgreSQL is shared and never restarted). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data (embedded only). */
  start(): Promise<void>;
  /** Stops and deletes it. */
  dispose(): Promise<void>;
};

/**
 * An embedded PostgreSQL (PGlite) hosted in this test process, persisted in `dataDir`, so it can be stopped and
 * started again on the same port: for the app, a real database server going away and coming back.
 */
export async function embeddedDatabase(dataDir: string): Promise<OwnDatabase> {
  let server = await startEmbeddedPostgres({ dataDir });
  const port = server.port;
  let running = true;
  return {
    url: server.url,
    poolMax: "1",
    kind: "embedded",
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async start() {
      if (running) return;
      server = await startEmbeddedPostgres({ dataDir, port });
      running = true;
    },
    async dispose() {
      if (running) await server.stop();
      running = false;
    },
  };
}

/** A scratch database on the server in DATABASE_URL when there is one (CI), else an embedded one in `dataDir`. */
export async function ownDatabase(dataDir: string): Promise<OwnDatabase> {
  if (!process.env.DATABASE_URL) return embeddedDatabase(dataDir);
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, "hrs_fault");
  const refuse = async () => {
    throw new Error("the shared PostgreSQL server is never stopped by tests");
  };
  return { url: scratch.url, poolMax: "10", kind: "server", stop: refuse, start: refuse, dispose: () => scratch.drop() };
}

/**
 * Migrations, then the demo users (demo password) and a recruiter API key (tests/support/seed-fault-database.ts);
 * returns the key.
 */
export async function migrateAndSeed(databaseUrl: string): Promise<{ apiKey: string }> {
  const env = { DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" };
  await runNode(prismaCli(), ["migrate", "deploy"], { env, label: "prisma migrate deploy" });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_SCRIPT_ARGS, "tests/support/seed-fault-database.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as { apiKey: string }) : reject(new Error(`seeding failed (exit ${code})`))));
  });
}

/** Queries a database with one short-lived connection (for checks after the app has stopped). */
export async function queryDatabase<R extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The production build served by `next start` (the same process runs the background worker), on its own port. */
export class AppProcess {
  private exitPromise: Promise<string>;
  private output: string[] = [];

  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exitPromise = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? `exit ${code}`)));
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) this.output.push(line);
      if (this.output.length > 2000) this.output.splice(0, this.output.length - 2000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Lines the app printed that match `pattern` (e.g. its worker's log). */
  logLines(pattern: RegExp): string[] {
    return this.output.filter((l) => pattern.test(l));
  }

  static async start({ port, env }: { port: number; env: Record<string, string> }): Promise<AppProcess> {
    // The app as `npm start` serves it: our HTTP server in front of Next (scripts/server.mjs), one process.
    const child = spawn(process.execPath, ["scripts/server.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_TRUST_HOST: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const app = new AppProcess(port, child);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the app exited at start:\n${app.output.slice(-30).join("\n")}`);
      try {
        const res = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return app;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the app did not become healthy in 60 s:\n${app.output.slice(-30).join("\n")}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer. */
  async kill(): Promise<string> {
    this.child.kill("SIGKILL");
    return this.exitPromise;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await this.exitPromise;
    clearTimeout(timer);
  }
}

/** Secrets for app processes that must agree with each other (sessions survive an app restart). */
export function appSecrets(): Record<string, string> {
  return { AUTH_SECRET: randomBytes(32).toString("base64url"), LINK_HMAC_SECRET: randomBytes(32).toString("base64url") };
}

/** A CSV of `rows` candidates whose external ids start with `tag-`; the data rows in `bad` have an invalid email. */
export function candidatesCsv(tag: string, rows: number, bad: ReadonlySet<number> = new Set()): string {
  const lines = ["Candidate ID,Full Name,Email Address,City,Country,Stage"];
  for (let i = 0; i < rows; i++) {
    const email = bad.has(i) ? "not-an-email" : `kai.${tag}.${i}@example.org`;
    lines.push(`${tag}-${i},Kai Resume ${tag} ${i},${email},Portland,US,Application`);
  }
  return `${lines.join("\n")}\n`;
}

/** Uploads a CSV on the import page, keeps the guessed mapping and starts the import; returns the job id. */
export async function startImportInBrowser(page: Page, fileName: string, content: string): Promise<string> {
  await page.goto("/candidates/import");
  const upload = page.getByRole("form", { name: "Upload a CSV file" });
  await upload.getByLabel("CSV file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(content) });
  await upload.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name: "Which column is which?" })).toBeVisible();
  const jobId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("form", { name: "Map columns" }).getByRole("button", { name: "Validate and import" }).click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  // Leave the progress page (its polling would only log failed requests while the app or database is down).
  await page.goto("about:blank");
  return jobId;
}

export type ImportProgress = { status: string; totalRows: number; processedRows: number; createdRows: number; updatedRows: number; failedRows: number; failureReason: string | null };

/** The import's progress as the app reports it, or null when the app does not answer. */
export async function importProgress(request: APIRequestContext, jobId: string): Promise<ImportProgress | null> {
  try {
    const res = await request.get(`/api/imports/${jobId}`, { timeout: 5_000 });
    return res.ok() ? ((await res.json()) as { import: ImportProgress }).import : null;
  } catch {
    return null;
  }
}

/** Polls the import until it reaches a final status (or `timeoutMs` passes: null). */
export async function waitForImportEnd(request: APIRequestContext, jobId: string, timeoutMs: number): Promise<ImportProgress | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const p = await importProgress(request, jobId);
    if (p && ["COMPLETED", "FAILED", "CANCELLED"].includes(p.status)) return p;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

/**
 * What an import wrote, counted in the database: candidates with the CSV's external ids (and how many distinct), their
 * screenings, "created" and "screened" audit events, the import's idempotency keys and row errors, and pg-boss
 * deliveries still marked active. Run with the app stopped (the embedded server takes few connections).
 */
export async function importWrites(databaseUrl: string, tag: string, jobId: string): Promise<Record<string, number>> {
  const [counts] = await queryDatabase<Record<string, number>>(
    databaseUrl,
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
  return counts;
}

/** `importWrites` of an import whose good rows were each written exactly once. */
export function eachRowOnce(good: number, bad: number): Record<string, number> {
  return {
    candidates: good,
    distinct_external_ids: good,
    screenings: good,
    screened_candidates: good,
    created_events: good,
    created_subjects: good,
    screened_events: good,
    keys: good,
    row_errors: bad,
    active_deliveries: 0,
  };
}
