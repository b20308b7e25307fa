// CSV exports (issue 9, finding 13): no empty row after the header, phone numbers exported as they are while real
// formula injection is still neutralised, and the exports hold exactly what the candidates list shows.
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportCandidatesRoute } from "@/app/api/exports/candidates.csv/route";
import { GET as exportScreeningsRoute } from "@/app/api/exports/screenings.csv/route";
import { candidateListQuerySchema, type CandidateListQuery } from "@/lib/schemas/candidate";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import type { Actor } from "@/lib/server/auth/authorization";
import { listCandidates } from "@/lib/server/candidates/list-candidates";
import { getDb } from "@/lib/server/db";
import { CSV_FORMULA_PATTERN, csvDocument } from "@/lib/server/exports/csv-stream";
import { exportCandidatesCsv } from "@/lib/server/exports/export-candidates-csv";
import { exportScreeningsCsv } from "@/lib/server/exports/export-screenings-csv";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { createTestUser } from "../support/factories";

let admin: Actor;
let recruiter: Actor;
let security: Actor;
let apiKey: string;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  recruiter = await createTestUser("RECRUITER");
  security = await createTestUser("SECURITY");
  apiKey = (await createApiKey({ actor: admin, input: { name: "exports", role: "SECURITY" } })).key;
});

/** The body as sent, BOM included (Response.text() would drop it). */
const text = async (body: ReadableStream<Uint8Array> | Response) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (body instanceof Response ? body : new Response(body)).arrayBuffer());

/** The file's records: the BOM and the final CRLF stripped; an empty line would be a record of one empty cell. */
function records(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  return Papa.parse<string[]>(csv.slice(1, -2), { newline: "\r\n" }).data;
}

describe("the CSV format", () => {
  it("has no empty row after the header, with or without rows", async () => {
    const none = records(await text(await exportCandidatesCsv({ actor: security, filter: { q: `nobody-${randomUUID()}`, sort: "newest" } })));
    expect(none).toEqual([["id", "external_id", "full_name", "email", "phone", "claimed_city", "claimed_region", "claimed_country", "stage", "latest_score", "latest_band", "created_at", "updated_at"]]);
    const noScreenings = records(await text(await exportScreeningsCsv({ actor: security, filter: { q: `nobody-${randomUUID()}`, sort: "newest" } })));
    expect(noScreenings).toHaveLength(1);

    const all = records(await text(await exportCandidatesCsv({ actor: security })));
    expect(all.length).toBe(1 + (await getDb().candidate.count()));
    expect(all.every((r) => r.length === 13)).toBe(true);
    expect(csvDocument(["a", "b"], [])).toBe("\uFEFFa,b\r\n");
    expect(csvDocument(["a", "b"], [["1", "2"]])).toBe("\uFEFFa,b\r\n1,2\r\n");
  });

  it("exports phone numbers as they are and still neutralises formulas", async () => {
    const tag = randomUUID().slice(0, 8);
    const phones = ["+1 415 555 0100", "+14155550100", "+1 (415) 555-0100", "+44 20.7946.0958"];
    for (const [i, phone] of phones.entries()) {
      await submitCandidate({ actor: recruiter, submission: { stage: "APPLICATION", profile: { candidate: { legalName: `Phone Person ${tag} ${i}`, email: `phone.${i}.${tag}@example.org`, phone } } } });
    }
    const rows = records(await text(await exportCandidatesCsv({ actor: security, filter: { q: `Phone Person ${tag}`, sort: "oldest" } })));
    expect(rows.slice(1).map((r) => r[4])).toEqual(phones);

    const evil = ["=1+1", "+SUM(A1:A9)", "+1 415 555 0100=HYPERLINK(\"x\")", "-2+3", "@SUM(1)", "\t=1", "\r=1", "+cmd|' /C calc'!A0", "+1\n=1"];
    for (const cell of evil) expect(CSV_FORMULA_PATTERN.test(cell), JSON.stringify(cell)).toBe(true);
    for (const cell of [...phones, "Jordan", "1+1", " =not-a-formula-in-any-spreadsheet", ""]) expect(CSV_FORMULA_PATTERN.test(cell), JSON.stringify(cell)).toBe(false);
    const file = csvDocument(["cell"], evil.map((c) => [c]));
    for (const [cell] of records(file).slice(1)) expect(cell.startsWith("'")).toBe(true);
  });
});

describe("the candidates export holds exactly what the list shows", () => {
  const tag = randomUUID().slice(0, 8);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    const mk = async (name: string, data: { band: string; score: number; stage: "APPLICATION" | "INTERVIEW" | "OFFER"; indicators: string[]; createdAt: string }) => {
      const { candidateId } = await submitCandidate({
        actor: recruiter,
        submission: { stage: data.stage, profile: { candidate: { legalName: `${name} ${tag}`, email: `${name.toLowerCase()}.${tag}@example.org` } } },
      });
      // Pin what the filters read, so the expected rows don't depend on the rules.
      await db.candidate.update({
        where: { id: candidateId },
        data: { latestBand: data.band, latestScore: data.score, latestIndicators: data.indicators, createdAt: new Date(data.createdAt) },
      });
      ids[name] = candidateId;
    };
    await mk("Alder", { band: "HIGH", score: 70, stage: "INTERVIEW", indicators: ["LNK-01"], createdAt: "2001-03-01T10:00:00Z" });
    await mk("Birch", { band: "LOW", score: 5, stage: "APPLICATION", indicators: [], createdAt: "2001-03-02T10:00:00Z" });
    await mk("Cedar", { band: "HIGH", score: 80, stage: "OFFER", indicators: ["LNK-01", "PAY-02"], createdAt: "2001-03-03T10:00:00Z" });
    await mk("Dogwood", { band: "ELEVATED", score: 40, stage: "INTERVIEW", indicators: ["PAY-02"], createdAt: "2001-03-05T10:00:00Z" });
  });

  /** Every page of the list for these URL parameters, as the page would fetch them. */
  async function listedIds(params: Record<string, string>): Promise<string[]> {
    const query = candidateListQuerySchema.parse(params);
    const out: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCandidates({ actor: security, query: { ...query, limit: 2, cursor } as CandidateListQuery });
      out.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  async function exported(route: typeof exportCandidatesRoute, params: Record<string, string>) {
    const res = await route(new Request(`http://localhost/api/exports/x.csv?${new URLSearchParams(params)}`, { headers: { authorization: `Bearer ${apiKey}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    return records(await text(res));
  }

  const cases: [string, Record<string, string>, string[]][] = [
    ["search", { q: tag }, ["Dogwood", "Cedar", "Birch", "Alder"]],
    ["search + band", { q: tag, band: "HIGH" }, ["Cedar", "Alder"]],
    ["search + stage", { q: tag, stage: "INTERVIEW" }, ["Dogwood", "Alder"]],
    ["search + indicator", { q: tag, indicator: "PAY-02" }, ["Dogwood", "Cedar"]],
    ["search + dates", { q: tag, from: "2001-03-02", to: "2001-03-03" }, ["Cedar", "Birch"]],
    ["search, oldest first", { q: tag, sort: "oldest" }, ["Alder", "Birch", "Cedar", "Dogwood"]],
    ["search, highest risk first", { q: tag, sort: "risk" }, ["Cedar", "Alder", "Dogwood", "Birch"]],
    ["an exact email", { q: `cedar.${tag}@example.org` }, ["Cedar"]],
  ];

  for (const [label, params, expected] of cases) {
    it(`${label}: the same candidates in the same order as every page of the list`, async () => {
      const listed = await listedIds(params);
      expect(listed).toEqual(expected.map((n) => ids[n]));
      const rows = await exported(exportCandidatesRoute, params);
      expect(rows.slice(1).map((r) => r[0])).toEqual(listed);
    });
  }

  it("the screenings export: every screening of exactly those candidates, in the list's order", async () => {
    const params = { q: tag, band: "HIGH", sort: "risk" };
    const listed = await listedIds(params);
    const rows = await exported(exportScreeningsRoute, params);
    expect(rows[0].slice(0, 2)).toEqual(["screening_id", "candidate_id"]);
    const db = getDb();
    const expected = [];
    for (const id of listed) {
      const screenings = await db.screening.findMany({ where: { candidateId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
      expected.push(...screenings.map((s) => [s.id, id]));
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(expected);
    expect(rows.slice(1).every((r) => r[8].length > 0 || r[6] === "0")).toBe(true);
  });

  it("audits each export with its filters and row count", async () => {
    await text(await exportCandidatesCsv({ actor: security, filter: { q: tag, band: "HIGH", sort: "newest" } }));
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "candidates.exported", actorId: security.id }, orderBy: { id: "desc" } });
    expect(audit.after).toEqual({ export: "candidates.csv", rows: 2, filter: { q: tag, band: "HIGH", sort: "newest" } });
  });
});
