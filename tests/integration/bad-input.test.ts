// Bad input gets a clear error, never a 500 (issue 9, finding 12): text PostgreSQL can't store (NUL, lone
// surrogates) where it bypasses the generic checks, damaged list links and filters, unknown or malformed ids, and
// addresses that are not IP addresses. After every refusal, nothing was written.
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCandidatesRoute } from "@/app/api/exports/candidates.csv/route";
import { GET as exportScreeningsRoute } from "@/app/api/exports/screenings.csv/route";
import { GET as importErrorsRoute } from "@/app/api/imports/[jobId]/errors.csv/route";
import { GET as importProgressRoute } from "@/app/api/imports/[jobId]/route";
import { POST as submitRoute } from "@/app/api/v1/candidates/route";
import { parseCandidateListQuery } from "@/lib/schemas/candidate";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import type { Actor } from "@/lib/server/auth/authorization";
import { createCandidate } from "@/lib/server/candidates/create-candidate";
import { listCandidates } from "@/lib/server/candidates/list-candidates";
import { recordVerification } from "@/lib/server/candidates/record-verification";
import { submitStageEvidence } from "@/lib/server/candidates/submit-stage-evidence";
import { getDb } from "@/lib/server/db";
import { recordDecision } from "@/lib/server/decisions/record-decision";
import { getImportJob } from "@/lib/server/imports/get-import-job";
import { startImportJob } from "@/lib/server/imports/start-import-job";
import { uploadImportFile } from "@/lib/server/imports/upload-import-file";
import { stopJobQueue } from "@/lib/server/jobs/get-job-queue";
import { resetJobWorker } from "@/lib/server/jobs/start-job-worker";
import { candidateVersion } from "../support/candidate-version";
import { candidateInput, createTestUser } from "../support/factories";

let admin: Actor;
let recruiter: Actor;
let apiKey: string;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  recruiter = await createTestUser("RECRUITER");
  apiKey = (await createApiKey({ actor: admin, input: { name: "bad input", role: "RECRUITER" } })).key;
});

afterAll(async () => {
  await stopJobQueue();
  resetJobWorker();
});

async function counts() {
  const db = getDb();
  return {
    candidates: await db.candidate.count(),
    screenings: await db.screening.count(),
    audit: await db.auditEvent.count({ where: { action: { not: "candidate.viewed" } } }),
    keys: await db.idempotencyKey.count(),
    decisions: await db.decision.count(),
  };
}

const auth = { authorization: "" };
beforeAll(() => {
  auth.authorization = `Bearer ${apiKey}`;
});

function postJson(text: string) {
  return submitRoute(new Request("http://localhost/api/v1/candidates", { method: "POST", headers: { "content-type": "application/json", ...auth }, body: text }), { params: Promise.resolve({}) });
}

describe("text PostgreSQL can't store", () => {
  it("the API: a NUL or a lone surrogate anywhere in the body is a 400 naming the field", async () => {
    const before = await counts();
    const email = `nul.${randomUUID().slice(0, 8)}@example.org`;
    // JSON escapes are how such characters travel; JSON.stringify writes a lone surrogate as \udXXX.
    for (const bad of ["Ann\u0000Lee", "Ann \ud800Lee"]) {
      const res = await postJson(JSON.stringify({ profile: { candidate: { legalName: bad, email }, workHistory: [{ employerName: "Acme" }] } }));
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors)).toEqual(["profile.candidate.legalName"]);
    }
    expect(await counts()).toEqual(before);
  });

  it("a stage form's JSON payload: a field error at the field's path, nothing written", async () => {
    const { id: candidateId } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() });
    const version = await candidateVersion(candidateId);
    const before = await counts();
    // The form sends its sections as JSON: the characters arrive escaped, past the form fields' own check.
    for (const payload of ['{"interviews":[{"round":1,"mode":"video"}],"observations":{"deviceFingerprints":["a\\u0000b"]}}', '{"candidate":{"legalName":"Ann \\ud800 Lee"}}']) {
      const error = await submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload, idempotencyKey: randomUUID(), version }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "VALIDATION" });
      const paths = Object.keys((error as { fieldErrors: Record<string, string[]> }).fieldErrors);
      expect(paths).toHaveLength(1);
      expect(paths[0]).toMatch(/^(observations\.deviceFingerprints\.0|candidate\.legalName)$/);
    }
    expect(await counts()).toEqual(before);
  });

  it("a CSV with a NUL anywhere is refused as a whole as not CSV text, nothing stored; a NUL in a file name is stored as ␀", async () => {
    const tag = randomUUID().slice(0, 8);
    const header = ["External ID", "Name", "Email", "Notes"];
    const withNul = Papa.unparse({ fields: header, data: [[`${tag}-1`, "Good One", `good1.${tag}@example.org`, "a NUL \u0000 here"]] });
    const before = await getDb().importJob.count();
    await expect(uploadImportFile({ actor: recruiter, fileName: "nul.csv", bytes: new TextEncoder().encode(withNul) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/not a CSV text file: it contains binary data/)] },
    });
    expect(await getDb().importJob.count()).toBe(before);

    const clean = Papa.unparse({ fields: header, data: [[`${tag}-2`, "Good Two", `good2.${tag}@example.org`, "fine"]] });
    const { id } = await uploadImportFile({ actor: recruiter, fileName: "nul\u0000.csv", bytes: new TextEncoder().encode(clean) });
    const job = await getImportJob({ actor: recruiter, importJobId: id });
    expect(job.fileName).toBe("nul\u2400.csv");
  });

  it("a UTF-16 file without a byte-order mark (NULs between the letters) is refused as a whole, nothing stored", async () => {
    const text = "Email\na@b.co\n";
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i);
    const before = await getDb().importJob.count();
    await expect(uploadImportFile({ actor: recruiter, fileName: "utf16.csv", bytes: utf16 })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/not a CSV text file/)] },
    });
    expect(await getDb().importJob.count()).toBe(before);
  });
});

describe("the candidates list's URL", () => {
  it("keeps the valid filters and drops a damaged page link, a NUL search or an impossible date", () => {
    const get = (params: Record<string, string>) => (k: string) => params[k];
    const damaged = parseCandidateListQuery(get({ cursor: "garbage", band: "HIGH", stage: "OFFER" }));
    expect(damaged.query).toMatchObject({ band: "HIGH", stage: "OFFER", sort: "newest", limit: 25 });
    expect(damaged.query.cursor).toBeUndefined();
    expect(Object.keys(damaged.invalid)).toEqual(["cursor"]);

    for (const [key, value] of [
      ["q", "a\u0000b"],
      ["from", "0000-01-01"],
      ["to", "9999-12-31"],
      ["from", "2026-02-30"],
      ["limit", "lots"],
      ["sort", "sideways"],
      ["cursor", Buffer.from(`2026-01-01T00:00:00.000Z|${randomUUID()}|x`).toString("base64url")],
    ]) {
      const { query, invalid } = parseCandidateListQuery(get({ [key]: value, indicator: "LNK-01" }));
      expect(Object.keys(invalid), `${key}=${value}`).toEqual([key]);
      expect(query.indicator).toBe("LNK-01");
    }
  });

  it("every query the page can build runs without a database error", async () => {
    const get = (params: Record<string, string>) => (k: string) => params[k];
    const cases: Record<string, string>[] = [{ cursor: "garbage" }, { q: "\u0000" }, { from: "0000-01-01", to: "9999-12-31" }, { q: "%_\\" }, { sort: "risk", cursor: "AAAA" }];
    for (const params of cases) {
      const { query } = parseCandidateListQuery(get(params));
      await expect(listCandidates({ actor: recruiter, query })).resolves.toMatchObject({ items: expect.any(Array) });
    }
  });

  it("the exports answer 400 naming an invalid filter instead of a 500 or an unfiltered file", async () => {
    for (const route of [exportCandidatesRoute, exportScreeningsRoute]) {
      for (const qs of ["q=%00", "from=0000-01-01", "to=9999-12-31", "band=NOPE", "sort=sideways"]) {
        const res = await route(new Request(`http://localhost/api/exports/x.csv?${qs}`, { headers: auth }), { params: Promise.resolve({}) });
        expect(res.status, qs).toBe(400);
        const { error } = await res.json();
        expect(error.code).toBe("VALIDATION");
        expect(Object.keys(error.fieldErrors)).toEqual([qs.split("=")[0]]);
      }
      // The page (cursor, limit) is not part of an export: ignored.
      const res = await route(new Request("http://localhost/api/exports/x.csv?cursor=garbage&limit=0", { headers: auth }), { params: Promise.resolve({}) });
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
  });
});

describe("unknown and malformed ids", () => {
  it("import jobs: 404 from the progress and errors routes, NOT_FOUND from the use cases", async () => {
    for (const id of [randomUUID(), "garbage", "11111111-1111-1111-1111-111111111111", "%00"]) {
      for (const route of [importProgressRoute, importErrorsRoute]) {
        const res = await route(new Request(`http://localhost/api/imports/${encodeURIComponent(id)}`, { headers: auth }), { params: Promise.resolve({ jobId: id }) });
        expect(res.status, `${id}`).toBe(404);
        expect((await res.json()).error.code).toBe("NOT_FOUND");
      }
      await expect(getImportJob({ actor: recruiter, importJobId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(startImportJob({ actor: recruiter, importJobId: id, mapping: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("candidate ids given to the edit use cases: NOT_FOUND, nothing written", async () => {
    const before = await counts();
    const version = new Date().toISOString();
    for (const id of ["garbage", randomUUID()]) {
      await expect(submitStageEvidence({ actor: recruiter, candidateId: id, stage: "INTERVIEW", payload: "{}", idempotencyKey: randomUUID(), version })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(recordVerification({ actor: recruiter, candidateId: id, stepId: "show-surroundings", outcome: "passed", idempotencyKey: randomUUID(), version })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(recordDecision({ actor: recruiter, input: { candidateId: id, outcome: "HOLD", rationale: "Waiting for the notary." } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // A verification step id that names an inherited property is an unknown step, not a crash.
    await expect(recordVerification({ actor: recruiter, candidateId: randomUUID(), stepId: "constructor", outcome: "passed", idempotencyKey: randomUUID(), version })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await counts()).toEqual(before);
  });
});

describe("IP addresses", () => {
  it("the profile schema refuses what is not an IPv4 or IPv6 address, and keeps real ones as given", () => {
    const parse = (ip: string) => candidateSubmissionSchema.safeParse({ profile: { candidate: { legalName: "X", email: "x@example.org" }, observations: { ips: [{ ip, context: "application" }] } } });
    for (const bad of ["1.2.3.4.5", "999.1.1.1", "01.2.3.4", "1.2.3", "localhost", "::1::", "12345::"]) {
      const r = parse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0].path.join(".")).toBe("profile.observations.ips.0.ip");
      expect(r.error?.issues[0].message).toContain("is not an IPv4 or IPv6 address");
    }
    for (const good of ["1.2.3.4", "2001:db8::1", "::ffff:192.0.2.1", "[2001:db8::1]", " 8.8.8.8 "]) expect(parse(good).success, good).toBe(true);
  });

  it("the API answers 400 for 1.2.3.4.5 and writes nothing", async () => {
    const before = await counts();
    const res = await postJson(JSON.stringify({ profile: { candidate: { legalName: "Ip Person", email: `ip.${randomUUID().slice(0, 8)}@example.org` }, observations: { ips: [{ ip: "1.2.3.4.5", context: "application" }] } } }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toHaveProperty(["profile.observations.ips.0.ip"]);
    expect(await counts()).toEqual(before);
  });

  it("a stage form's IP lines: a field error, nothing written", async () => {
    const { id: candidateId } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() });
    const before = await counts();
    const payload = JSON.stringify({ observations: { ips: [{ ip: "1.2.3.4.5", context: "interview" }] } });
    await expect(submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload, idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "observations.ips.0.ip": [expect.stringContaining('"1.2.3.4.5" is not an IPv4 or IPv6 address')] },
    });
    expect(await counts()).toEqual(before);
  });

  it("a profile stored before addresses were checked still loads and can be updated", async () => {
    const { id: candidateId } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() });
    const db = getDb();
    const row = await db.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { profile: true } });
    await db.candidate.update({ where: { id: candidateId }, data: { profile: { ...(row.profile as object), observations: { ips: [{ ip: "1.2.3.4.5", context: "work" }] } } } });
    const payload = JSON.stringify({ interviews: [{ round: 1, mode: "video" }] });
    await expect(submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload, idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) })).resolves.toMatchObject({ created: false });
  });
});
