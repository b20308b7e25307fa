import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guessImportMapping } from "@/lib/schemas/import";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { exportCandidatesCsv } from "@/lib/server/exports/export-candidates-csv";
import { exportScreeningsCsv } from "@/lib/server/exports/export-screenings-csv";
import { exportImportErrorsCsv } from "@/lib/server/imports/export-import-errors-csv";
import { getImportJob } from "@/lib/server/imports/get-import-job";
import { processImportJob } from "@/lib/server/imports/process-import-job";
import { startImportJob } from "@/lib/server/imports/start-import-job";
import { NOT_CSV_TEXT_MESSAGES, uploadImportFile } from "@/lib/server/imports/upload-import-file";
import { enqueueRescreen } from "@/lib/server/jobs/enqueue-rescreen";
import { stopJobQueue } from "@/lib/server/jobs/get-job-queue";
import { processRescreenJob } from "@/lib/server/jobs/process-rescreen-job";
import { resetJobWorker, startJobWorker } from "@/lib/server/jobs/start-job-worker";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { createTestUser } from "../support/factories";

let recruiter: Actor;
let admin: Actor;
let security: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  admin = await createTestUser("ADMIN");
  security = await createTestUser("SECURITY");
});

afterAll(async () => {
  await stopJobQueue();
  resetJobWorker();
});

// An ATS export whose headers are not our field names: the mapping guess has to work.
const HEADERS = ["Candidate ID", "Full Name", "Email Address", "Phone", "City", "State", "Country", "Stage", "Current Employer", "Source", "Ship To Address", "Ship To City", "Ship To Country"];

function atsRow(tag: string, i: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    "Candidate ID": `${tag}-${i}`,
    "Full Name": `Jordan Example ${tag} ${i}`,
    "Email Address": `jordan.${tag}.${i}@example.org`,
    Phone: "+1 415 555 0100",
    City: "Portland",
    State: "OR",
    Country: "US",
    Stage: i % 2 ? "Application" : "interview",
    "Current Employer": "Acme Corp",
    Source: "job board",
    "Ship To Address": "1 Main St",
    "Ship To City": "Portland",
    "Ship To Country": "US",
    ...overrides,
  };
}

function csvOf(rows: Record<string, string>[]): string {
  return Papa.unparse({ fields: HEADERS, data: rows.map((r) => HEADERS.map((h) => r[h] ?? "")) });
}

async function uploadAndStart(content: string, fileName = "ats-export.csv") {
  const { id } = await uploadImportFile({ actor: recruiter, fileName, bytes: Buffer.from(content) });
  const job = await getImportJob({ actor: recruiter, importJobId: id });
  const started = await startImportJob({ actor: recruiter, importJobId: id, mapping: job.mapping });
  return { id, job, started };
}

describe("CSV import", () => {
  const tag = randomUUID().slice(0, 8);
  // Data rows 3, 6 and 9 (file rows 4, 7, 10 — the header is row 1) are bad.
  const rows = Array.from({ length: 10 }, (_, i) => {
    if (i === 2) return atsRow(tag, i, { "Email Address": "not-an-email" });
    if (i === 5) return atsRow(tag, i, { "Full Name": "" });
    if (i === 8) return atsRow(tag, i, { Country: "ZZ" });
    return atsRow(tag, i);
  });
  let jobId: string;

  it("guesses the mapping from the header names", () => {
    expect(guessImportMapping(HEADERS)).toEqual({
      externalId: "Candidate ID",
      legalName: "Full Name",
      email: "Email Address",
      phone: "Phone",
      city: "City",
      region: "State",
      country: "Country",
      stage: "Stage",
      employer: "Current Employer",
      sourcingChannel: "Source",
      shipToLine1: "Ship To Address",
      shipToCity: "Ship To City",
      shipToCountry: "Ship To Country",
    });
  });

  it("validates every row and reports exactly the 3 bad rows, by row number and column", async () => {
    const { id, job, started } = await uploadAndStart(csvOf(rows));
    jobId = id;
    expect(job.status).toBe("DRAFT");
    expect(job.preview).toHaveLength(5);
    expect(started).toMatchObject({ totalRows: 10, invalidRows: 3, alreadyStarted: false });
    const errors = await getDb().importRowError.findMany({ where: { jobId: id }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [4, "Email Address"],
      [7, "Full Name"],
      [10, "Country"],
    ]);
    expect(errors[0].message).toContain("valid email");
    expect(await getDb().candidate.count({ where: { externalId: { startsWith: `${tag}-` } } })).toBe(0);
    // Starting again (a double click) queues nothing more.
    expect(await startImportJob({ actor: recruiter, importJobId: id, mapping: job.mapping })).toMatchObject({ alreadyStarted: true });
  });

  it("refuses a mapping without the required fields, and a role without candidates.create", async () => {
    const content = csvOf([atsRow(tag, 99)]);
    const { id } = await uploadImportFile({ actor: recruiter, fileName: "x.csv", bytes: Buffer.from(content) });
    await expect(startImportJob({ actor: recruiter, importJobId: id, mapping: { email: "Email Address" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { legalName: [expect.stringContaining("legal name")] },
    });
    await expect(startImportJob({ actor: recruiter, importJobId: id, mapping: { legalName: "Nope", email: "Email Address" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(uploadImportFile({ actor: security, fileName: "x.csv", bytes: Buffer.from(content) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a binary file, NUL bytes or another encoding than UTF-8 with a clear message, and stores nothing", async () => {
    const db = getDb();
    const before = await db.importJob.count();
    const header = Buffer.from("Full Name,Email Address\n");
    const cases: [string, Buffer, string][] = [
      // An .xlsx renamed to .csv: a zip, full of NUL bytes.
      ["xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, 0xee]), NOT_CSV_TEXT_MESSAGES.binary],
      ["NUL in a row", Buffer.concat([header, Buffer.from("Ann\u0000Lee,ann@example.org\n")]), NOT_CSV_TEXT_MESSAGES.binary],
      ["UTF-16 without a byte-order mark", Buffer.from("Full Name,Email Address\nAnn Lee,ann@example.org\n", "utf16le"), NOT_CSV_TEXT_MESSAGES.binary],
      ["Windows-1252", Buffer.concat([header, Buffer.from("Jos\xe9 Lee,jose@example.org\n", "latin1")]), NOT_CSV_TEXT_MESSAGES.encoding],
    ];
    for (const [label, bytes, message] of cases) {
      const error = await uploadImportFile({ actor: recruiter, fileName: "export.csv", bytes }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, label).toMatchObject({ code: "VALIDATION", message, fieldErrors: { file: [message] } });
    }
    expect(await db.importJob.count()).toBe(before);
    // UTF-16 with a byte-order mark (Excel's "Unicode text", tab-separated) is text, and is read.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Full Name\tEmail Address\nJosé Lee\tjose@example.org\n", "utf16le")]);
    const { id } = await uploadImportFile({ actor: recruiter, fileName: "unicode.txt", bytes: utf16 });
    expect(await db.importJob.findUniqueOrThrow({ where: { id }, select: { columns: true, content: true } })).toMatchObject({
      columns: ["Full Name", "Email Address"],
      content: expect.stringContaining("José Lee"),
    });
  });

  it("processes the rows in order, screening each, and counts", async () => {
    const result = await processImportJob({ importJobId: jobId, checkpointEvery: 3 });
    expect(result).toEqual({ status: "COMPLETED", processedRows: 10, createdRows: 7, updatedRows: 0, failedRows: 3 });
    const db = getDb();
    const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "COMPLETED", processedRows: 10, createdRows: 7, failedRows: 3 });
    expect(job.finishedAt).not.toBeNull();
    const candidates = await db.candidate.findMany({ where: { externalId: { startsWith: `${tag}-` } }, select: { id: true, externalId: true, stage: true, claimedCountry: true, profile: true, createdById: true } });
    expect(candidates).toHaveLength(7);
    const zero = candidates.find((c) => c.externalId === `${tag}-0`)!;
    expect(zero).toMatchObject({ stage: "INTERVIEW", claimedCountry: "US", createdById: recruiter.id });
    expect(zero.profile).toMatchObject({ workHistory: [{ employerName: "Acme Corp" }], sourcing: { channel: "job_board" }, onboarding: { equipment: { shipTo: { line1: "1 Main St" } } } });
    expect(await db.screening.count({ where: { candidateId: { in: candidates.map((c) => c.id) }, trigger: "csv" } })).toBe(7);
  });

  it("re-running the same job (a retry after a crash) creates no duplicates", async () => {
    const db = getDb();
    const ids = (await db.candidate.findMany({ where: { externalId: { startsWith: `${tag}-` } }, select: { id: true } })).map((c) => c.id);
    const screeningsBefore = await db.screening.count({ where: { candidateId: { in: ids } } });
    // As if the worker died before its first checkpoint and pg-boss retried the job.
    await db.importJob.update({ where: { id: jobId }, data: { status: "RUNNING", processedRows: 0, createdRows: 0, updatedRows: 0, failedRows: 3 } });
    const again = await processImportJob({ importJobId: jobId });
    expect(again).toEqual({ status: "COMPLETED", processedRows: 10, createdRows: 7, updatedRows: 0, failedRows: 3 });
    expect(await db.candidate.count({ where: { externalId: { startsWith: `${tag}-` } } })).toBe(7);
    expect(await db.screening.count({ where: { candidateId: { in: ids } } })).toBe(screeningsBefore);
    expect(await db.importRowError.count({ where: { jobId } })).toBe(3);
    // A completed job is not processed again.
    expect((await processImportJob({ importJobId: jobId })).status).toBe("SKIPPED");
  });

  it("a changed CSV re-imported by external id updates those candidates instead of adding new ones", async () => {
    const db = getDb();
    const changed = rows.map((r, i) => ({ ...r, City: `Salem ${i}`, "Email Address": i === 2 ? `fixed.${tag}@example.org` : r["Email Address"], "Full Name": r["Full Name"] || `Fixed Name ${tag}`, Country: "US" }));
    const { id } = await uploadAndStart(csvOf(changed), "ats-export-2.csv");
    const result = await processImportJob({ importJobId: id });
    // The 7 imported before are updated; the 3 fixed rows are new.
    expect(result).toEqual({ status: "COMPLETED", processedRows: 10, createdRows: 3, updatedRows: 7, failedRows: 0 });
    const candidates = await db.candidate.findMany({ where: { externalId: { startsWith: `${tag}-` } }, select: { externalId: true, claimedCity: true } });
    expect(candidates).toHaveLength(10);
    expect(candidates.find((c) => c.externalId === `${tag}-0`)?.claimedCity).toBe("Salem 0");
  });

  it("the errors CSV lists the refused rows with their cells, formulas neutralised", async () => {
    const csv = await exportImportErrorsCsv({ actor: recruiter, importJobId: jobId });
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.row)).toEqual(["4", "7", "10"]);
    expect(parsed.data[0]["Email Address"]).toBe("not-an-email");
  });
});

describe("CSV export", () => {
  it("neutralises formula cells and audits the export", async () => {
    const db = getDb();
    const evil = "=cmd|' /C calc'!A0";
    const { candidateId } = await submitCandidate({
      actor: recruiter,
      submission: { stage: "APPLICATION", profile: { candidate: { legalName: evil, email: `evil.${randomUUID().slice(0, 6)}@example.org`, claimedLocation: { city: "@SUM(1+1)" } } } },
    });
    const text = await new Response(await exportCandidatesCsv({ actor: security })).text();
    const line = text.split("\r\n").find((l) => l.includes(candidateId))!;
    expect(line).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(line).toContain("'@SUM(1+1)");
    const cells = Papa.parse<string[]>(line).data[0];
    expect(cells.some((c) => /^[=+\-@\t\r]/.test(c))).toBe(false);
    const audit = await db.auditEvent.findFirst({ where: { action: "candidates.exported", actorId: security.id }, orderBy: { id: "desc" } });
    expect(audit?.after).toMatchObject({ export: "candidates.csv" });

    const screenings = await new Response(await exportScreeningsCsv({ actor: security })).text();
    expect(screenings.split("\r\n")[0]).toContain("screening_id,candidate_id");
    expect(screenings).toContain(`"'=cmd|' /C calc'!A0"`);
  });
});

describe("re-screening", () => {
  it("re-screens every active candidate once per change; a re-run adds no screenings", async () => {
    const db = getDb();
    const withdrawn = await submitCandidate({
      actor: recruiter,
      submission: { stage: "WITHDRAWN", profile: { candidate: { legalName: "Wren Withdrawn", email: `wren.${randomUUID().slice(0, 6)}@example.org` } } },
    });
    const subjectId = randomUUID();
    const first = await enqueueRescreen({ reason: "SANCTIONS_LIST", subjectId, actorId: admin.id });
    const second = await enqueueRescreen({ reason: "SANCTIONS_LIST", subjectId, actorId: admin.id });
    expect(first.created).toBe(true);
    expect(second).toEqual({ rescreenJobId: first.rescreenJobId, created: false });
    expect(await db.rescreenJob.count({ where: { subjectId } })).toBe(1);

    const active = await db.candidate.count({ where: { stage: { not: "WITHDRAWN" } } });
    const before = await db.screening.count({ where: { trigger: "rescreen" } });
    const result = await processRescreenJob({ rescreenJobId: first.rescreenJobId, checkpointEvery: 4 });
    expect(result).toMatchObject({ status: "COMPLETED", total: active, processed: active, failed: 0, rescreened: active });
    expect(await db.screening.count({ where: { trigger: "rescreen" } })).toBe(before + active);
    expect(await db.screening.count({ where: { candidateId: withdrawn.candidateId, trigger: "rescreen" } })).toBe(0);
    const sample = await db.screening.findFirstOrThrow({ where: { trigger: "rescreen" }, orderBy: { createdAt: "desc" } });
    expect(sample.createdById).toBe(admin.id);

    // A retried run (as after a crash) replays: no new screening.
    await db.rescreenJob.update({ where: { id: first.rescreenJobId }, data: { status: "RUNNING" } });
    const rerun = await processRescreenJob({ rescreenJobId: first.rescreenJobId });
    expect(rerun).toMatchObject({ status: "COMPLETED", processed: active, rescreened: 0 });
    expect(await db.screening.count({ where: { trigger: "rescreen" } })).toBe(before + active);
    expect(await db.rescreenJob.findUniqueOrThrow({ where: { id: first.rescreenJobId } })).toMatchObject({ status: "COMPLETED", processed: active, total: active });
  });
});

describe("the background worker (pg-boss over the app's Prisma client)", () => {
  it("picks up a queued import and completes it", async () => {
    await startJobWorker();
    const tag = randomUUID().slice(0, 8);
    const { id } = await uploadAndStart(csvOf([atsRow(tag, 1), atsRow(tag, 2), atsRow(tag, 3, { "Email Address": "nope" })]));
    const db = getDb();
    const deadline = Date.now() + 25_000;
    let status = "";
    while (Date.now() < deadline) {
      status = (await db.importJob.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
      if (status === "COMPLETED" || status === "FAILED") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe("COMPLETED");
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ processedRows: 3, createdRows: 2, failedRows: 1 });
  });
});
