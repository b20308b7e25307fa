// npm run bench:import -- [--rows 100000] [--max-seconds 600] [--keep]
//
// Imports N generated ATS rows through the real CSV import path — upload → parse → validate every row → the worker's
// processing function (submitCandidates in batches: merge, enrich, link, sanctions, evaluate, write candidates +
// immutable screenings + audit events, one transaction per batch) — and, in the same run, COPYs the same CSV into a
// plain table (pg-copy-streams, COPY … FROM STDIN WITH (FORMAT csv)), to compare. The worker function is called
// directly (`processImportJob`), not through pg-boss: the queue adds one poll (≤ 1 s) per job, nothing per row.
//
// The import is stopped after --max-seconds (the job is cancelled at its next checkpoint, through the same
// mechanism a user's cancel would use); the time for all N rows is then extrapolated from the measured rate and
// labelled as such. Runs against a scratch database on the server in DATABASE_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards unless --keep.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { prismaCli, runNode } from "./lib/processes.mjs";
import { createScratchDatabase } from "./lib/scratch-database.mjs";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    "max-seconds": { type: "string", default: "600" },
    keep: { type: "boolean", default: false },
  },
});
const ROWS = Number(values.rows);
const MAX_SECONDS = Number(values["max-seconds"]);
if (!Number.isInteger(ROWS) || ROWS < 1 || !(MAX_SECONDS > 0)) throw new Error("--rows must be a positive integer and --max-seconds a positive number");

const SERVER = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const HEADER = ["Candidate ID", "Full Name", "Email Address", "Phone", "City", "State", "Country", "Stage", "Current Employer", "Source", "Applied From IP"];
const CITIES = [
  ["Portland", "OR", "US"],
  ["Austin", "TX", "US"],
  ["Toronto", "ON", "CA"],
  ["Manchester", "England", "GB"],
  ["Berlin", "BE", "DE"],
  ["Warsaw", "MZ", "PL"],
] as const;
const FIRST = ["Avery", "Jordan", "Casey", "Riley", "Morgan", "Quinn", "Harper", "Rowan", "Sasha", "Emerson"];
const LAST = ["Nguyen", "Smith", "Okafor", "Garcia", "Kowalski", "Schmidt", "Tremblay", "Brown", "Patel", "Silva"];

function generateCsv(n: number): string {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const [city, region, country] = CITIES[i % CITIES.length];
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
    rows.push([
      `ats-${i}`,
      name,
      `c${i}@example.org`,
      `+1 503 555 ${String(i % 10_000).padStart(4, "0")}`,
      city,
      region,
      country,
      i % 5 === 0 ? "Interview" : "Application",
      `Employer ${i % 500}`,
      i % 3 === 0 ? "referral" : "job board",
      `198.51.${Math.floor(i / 250) % 256}.${i % 250}`,
    ]);
  }
  return Papa.unparse({ fields: HEADER, data: rows });
}

function rate(rows: number, ms: number) {
  return rows / (ms / 1000);
}

/** The same CSV streamed into a plain table with COPY … FROM STDIN (CSV format, header skipped): the bulk-load peer. */
async function copyIntoPlainTable(url: string, content: string): Promise<{ ms: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_candidates (external_id text, full_name text, email text, phone text, city text, region text, country text, stage text, employer text, source text, ip text)`);
    const started = performance.now();
    const sink = client.query(copyFrom("COPY bench_candidates FROM STDIN WITH (FORMAT csv, HEADER true)"));
    await pipeline(Readable.from([Buffer.from(content)]), sink);
    const ms = performance.now() - started;
    const { rows: count } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM bench_candidates");
    return { ms, rows: Number(count[0].n) };
  } finally {
    await client.end();
  }
}

async function main() {
  const scratch = await createScratchDatabase(SERVER, "hrs_bench");
  console.log(`scratch database ${scratch.name} on ${new URL(SERVER).host}`);
  try {
    await runNode(prismaCli(), ["migrate", "deploy"], { env: { DATABASE_URL: scratch.url, CHECKPOINT_DISABLE: "1" }, label: "prisma migrate deploy" });
    process.env.DATABASE_URL = scratch.url;
    process.env.LINK_HMAC_SECRET ??= "bench-import-hmac-secret-0123456789";
    // lib/server reads DATABASE_URL when first used, so it is loaded only now.
    const { getDb, disconnectDb } = await import("@/lib/server/db");
    const { uploadImportFile } = await import("@/lib/server/imports/upload-import-file");
    const { getImportJob } = await import("@/lib/server/imports/get-import-job");
    const { startImportJob } = await import("@/lib/server/imports/start-import-job");
    const { processImportJob } = await import("@/lib/server/imports/process-import-job");
    const { stopJobQueue } = await import("@/lib/server/jobs/get-job-queue");

    const content = generateCsv(ROWS);
    console.log(`generated ${ROWS.toLocaleString("en")} rows, ${(Buffer.byteLength(content) / 1024 / 1024).toFixed(1)} MB of CSV`);

    const bulk = await copyIntoPlainTable(scratch.url, content);
    const bulkRate = rate(bulk.rows, bulk.ms);
    console.log(`COPY FROM STDIN into a plain table: ${bulk.rows.toLocaleString("en")} rows in ${(bulk.ms / 1000).toFixed(2)} s = ${Math.round(bulkRate).toLocaleString("en")} rows/s`);

    const db = getDb();
    const user = await db.user.create({ data: { email: "bench@example.com", name: "Bench Recruiter", role: "RECRUITER", passwordHash: "x" }, select: { id: true, email: true, name: true, role: true } });

    const t0 = performance.now();
    const { id } = await uploadImportFile({ actor: user, fileName: "bench.csv", bytes: Buffer.from(content) });
    const job = await getImportJob({ actor: user, importJobId: id });
    const started = await startImportJob({ actor: user, importJobId: id, mapping: job.mapping });
    const tValidate = performance.now() - t0;
    console.log(`upload + parse + validate ${started.totalRows.toLocaleString("en")} rows (${started.invalidRows} invalid): ${(tValidate / 1000).toFixed(2)} s`);

    // Stop at the time budget: cancel the job, which the worker notices at its next checkpoint.
    // (A Prisma query runs only once awaited or then-ed.)
    const budget = setTimeout(() => {
      db.importJob.update({ where: { id }, data: { status: "CANCELLED" } }).then(
        () => console.log(`time budget reached: cancelling the import at its next checkpoint`),
        (error: unknown) => console.error("could not cancel the import", error),
      );
    }, Math.max(0, MAX_SECONDS * 1000 - tValidate));
    const t1 = performance.now();
    const result = await processImportJob({ importJobId: id });
    const tProcess = performance.now() - t1;
    clearTimeout(budget);

    const screenings = await db.screening.count({ where: { trigger: "csv" } });
    const importRate = rate(result.processedRows, tProcess);
    // Validation of all rows is paid once up front; attribute it pro rata to the rows processed.
    const endToEndMs = tProcess + tValidate * (result.processedRows / ROWS);
    const endToEndRate = rate(result.processedRows, endToEndMs);
    console.log("");
    console.log(`import (worker path, ${result.status === "COMPLETED" ? "all rows" : `stopped after ${MAX_SECONDS} s`}): ${result.processedRows.toLocaleString("en")} rows, ${result.createdRows.toLocaleString("en")} created, ${screenings.toLocaleString("en")} screenings, in ${(tProcess / 1000).toFixed(1)} s`);
    console.log(`  per-row screening rate:   ${importRate.toFixed(1)} rows/s (${(tProcess / Math.max(1, result.processedRows)).toFixed(1)} ms/row)`);
    console.log(`  incl. parse + validate:   ${endToEndRate.toFixed(1)} rows/s`);
    if (result.status !== "COMPLETED") {
      const projected = tValidate + (ROWS / importRate) * 1000;
      console.log(`  EXTRAPOLATED to ${ROWS.toLocaleString("en")} rows at the measured rate: ~${(projected / 60_000).toFixed(1)} min`);
    }
    console.log(`COPY rate:                  ${Math.round(bulkRate).toLocaleString("en")} rows/s`);
    console.log(`ratio import / COPY:        ${((endToEndRate / bulkRate) * 100).toFixed(2)} % (target ≥ 10 %)`);

    await stopJobQueue();
    await disconnectDb();
  } finally {
    if (values.keep) console.log(`kept ${scratch.name}`);
    else await scratch.drop();
  }
}

main().catch((error) => {
  console.error("bench:import failed:", error);
  process.exit(1);
});
