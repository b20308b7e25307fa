// The public API, called through its real route handlers (no HTTP server): API-key auth, validation, idempotency,
// update by externalId, reads, and the same hits through the API, the form path and the CLI.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listUsersRoute, POST as createUserRoute } from "@/app/api/admin/users/route";
import { GET as getCandidateRoute } from "@/app/api/v1/candidates/[id]/route";
import { GET as listScreeningsRoute } from "@/app/api/v1/candidates/[id]/screenings/route";
import { POST as submitRoute } from "@/app/api/v1/candidates/route";
import { rulesById } from "@/lib/engine";
import { candidateSubmissionSchema, type CandidateSubmissionInput } from "@/lib/schemas/profile";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { SERVER_SCRIPT_ARGS } from "../../scripts/lib/processes.mjs";
import { createTestUser } from "../support/factories";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BASE = "http://localhost/api";

let admin: Actor;
let recruiterKey: string;
let exampleProfile: CandidateSubmissionInput;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  recruiterKey = (await createApiKey({ actor: admin, input: { name: "ATS sync", role: "RECRUITER" } })).key;
  exampleProfile = JSON.parse(await readFile(path.join(ROOT, "docs/examples/profile.json"), "utf8"));
});

/** The example profile with its own externalId and email, so test cases don't update or link to each other. */
function submission(overrides: { externalId?: string | null; email?: string } = {}): CandidateSubmissionInput {
  const tag = randomUUID().slice(0, 8);
  const copy = structuredClone(exampleProfile);
  copy.externalId = overrides.externalId === undefined ? `ats-${tag}` : overrides.externalId;
  copy.profile.candidate = { ...copy.profile.candidate, email: overrides.email ?? `jordan.${tag}@example.com` };
  return copy;
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return submitRoute(
    new Request(`${BASE}/v1/candidates`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "vitest", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

describe("POST /api/v1/candidates", () => {
  it("creates and screens a candidate with an API key", async () => {
    const body = submission();
    const res = await post(body, bearer(recruiterKey));
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json).toMatchObject({ candidateId: expect.any(String), screeningId: expect.any(String), created: true });
    expect(json.assessment).toMatchObject({ score: expect.any(Number), band: expect.any(String), rulesetVersion: expect.anything(), engineVersion: expect.any(String) });
    expect(json.assessment.hits.length).toBeGreaterThan(0);
    expect(Object.keys(json.assessment.hits[0]).sort()).toEqual(
      ["category", "contribution", "evidence", "indicatorIds", "ruleId", "severity", "source", "specific", "summary", "title", "verificationStep"].sort(),
    );
    expect(json.assessment.verificationSteps.length).toBeGreaterThan(0);

    const db = getDb();
    const screening = await db.screening.findUniqueOrThrow({ where: { id: json.screeningId } });
    expect(screening).toMatchObject({ candidateId: json.candidateId, trigger: "api", createdById: admin.id, score: json.assessment.score });
    const candidate = await db.candidate.findUniqueOrThrow({ where: { id: json.candidateId } });
    expect(candidate.externalId).toBe(body.externalId);
    // lastUsedAt is recorded (at most once a minute).
    const key = await db.apiKey.findFirstOrThrow({ where: { name: "ATS sync" } });
    expect(key.lastUsedAt).not.toBeNull();
  });

  it("refuses a request without credentials (401) and writes nothing", async () => {
    const body = submission();
    const res = await post(body);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await getDb().candidate.count({ where: { externalId: body.externalId } })).toBe(0);
  });

  it("refuses an unknown or malformed key (401)", async () => {
    expect((await post(submission(), bearer(`hrs_${"x".repeat(32)}`))).status).toBe(401);
    expect((await post(submission(), { authorization: `Basic ${btoa("a:b")}` })).status).toBe(401);
  });

  it("refuses a revoked key (401) and a key whose creator is disabled", async () => {
    const created = await createApiKey({ actor: admin, input: { name: "to revoke", role: "RECRUITER" } });
    expect((await post(submission(), bearer(created.key))).status).toBe(201);
    await revokeApiKey({ actor: admin, keyId: created.id });
    const res = await post(submission(), bearer(created.key));
    expect(res.status).toBe(401);
    const audit = await getDb().auditEvent.findMany({ where: { subjectType: "ApiKey", subjectId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["apikey.created", "apikey.revoked"]);

    const otherAdmin = await createTestUser("ADMIN");
    const orphan = await createApiKey({ actor: otherAdmin, input: { name: "orphan", role: "RECRUITER" } });
    await getDb().user.update({ where: { id: otherAdmin.id }, data: { disabled: true } });
    expect((await post(submission(), bearer(orphan.key))).status).toBe(401);
  });

  it("answers 400 with field errors by dotted path", async () => {
    const bad = submission();
    bad.profile.candidate = { ...bad.profile.candidate, email: undefined };
    (bad.profile as Record<string, unknown>).nationality = "XX";
    const res = await post(bad, bearer(recruiterKey));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty(["profile.candidate.email"]);
    expect(Object.keys(error.fieldErrors).some((k) => k.startsWith("profile"))).toBe(true);

    const notJson = await post("{ nope", bearer(recruiterKey));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.fieldErrors).toHaveProperty("_body");

    const longKey = await post(submission(), { ...bearer(recruiterKey), "idempotency-key": "k".repeat(201) });
    expect(longKey.status).toBe(400);
    expect((await longKey.json()).error.fieldErrors).toHaveProperty(["Idempotency-Key"]);
  });

  it("replays a request with the same Idempotency-Key: same ids, one screening", async () => {
    const body = submission();
    const headers = { ...bearer(recruiterKey), "idempotency-key": `retry-${randomUUID()}` };
    const first = await post(body, headers);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstJson = await first.json();
    const again = await post(body, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const againJson = await again.json();
    expect(againJson).toEqual(firstJson);
    expect(await getDb().screening.count({ where: { candidateId: firstJson.candidateId } })).toBe(1);
  });

  it("updates the candidate with the same externalId (200) instead of creating another", async () => {
    const body = submission();
    const first = await (await post(body, bearer(recruiterKey))).json();
    const res = await post({ ...body, stage: "OFFER" }, bearer(recruiterKey));
    expect(res.status).toBe(200);
    const second = await res.json();
    expect(second).toMatchObject({ candidateId: first.candidateId, created: false });
    expect(second.screeningId).not.toBe(first.screeningId);
    const db = getDb();
    expect(await db.candidate.count({ where: { externalId: body.externalId } })).toBe(1);
    expect(await db.screening.count({ where: { candidateId: first.candidateId } })).toBe(2);
  });
});

describe("GET /api/v1/candidates/{id} and /screenings", () => {
  it("returns the candidate and its screenings newest first, and audits the views", async () => {
    const body = submission();
    const { candidateId } = await (await post(body, bearer(recruiterKey))).json();
    await post({ ...body, stage: "INTERVIEW" }, bearer(recruiterKey));

    const res = await getCandidateRoute(new Request(`${BASE}/v1/candidates/${candidateId}`, { headers: bearer(recruiterKey) }), idParams(candidateId));
    expect(res.status).toBe(200);
    const { candidate } = await res.json();
    expect(candidate).toMatchObject({ id: candidateId, externalId: body.externalId, email: body.profile.candidate?.email, stage: "INTERVIEW" });
    expect(candidate.profile.candidate.legalName).toBe(body.profile.candidate?.legalName);
    expect(typeof candidate.latestScore).toBe("number");

    const list = await listScreeningsRoute(new Request(`${BASE}/v1/candidates/${candidateId}/screenings`, { headers: bearer(recruiterKey) }), idParams(candidateId));
    expect(list.status).toBe(200);
    const { screenings } = await list.json();
    expect(screenings).toHaveLength(2);
    expect(screenings.map((s: { stage: string }) => s.stage)).toEqual(["INTERVIEW", body.stage]);
    expect(new Date(screenings[0].createdAt).getTime()).toBeGreaterThanOrEqual(new Date(screenings[1].createdAt).getTime());
    expect(screenings[0]).toMatchObject({ trigger: "api", engineVersion: expect.any(String) });
    expect(screenings[0].hits[0]).not.toHaveProperty("points");

    const views = await getDb().auditEvent.findMany({ where: { subjectId: candidateId, action: "candidate.viewed" } });
    expect(views).toHaveLength(2);
    expect(views.every((v) => (v.after as { via?: string }).via === "api")).toBe(true);
  });

  it("returns the enrichment each screening recorded, and null for a screening from before it was kept", async () => {
    const body = submission();
    body.profile.observations = { ...body.profile.observations, ips: [{ ip: "175.45.176.1", context: "application", at: "2026-03-02T03:14:00Z" }] };
    const created = await (await post(body, bearer(recruiterKey))).json();
    expect(created.enrichment.ip).toEqual([expect.objectContaining({ ip: "175.45.176.1", country: "KP", asn: 131279, networkClass: "none" })]);
    expect(created.enrichment.phone).toMatchObject({ lineType: "fixed_line_or_mobile", country: "US" });
    // A screening as written before enrichment was kept with it (screenings are append-only, so a new row).
    const db = getDb();
    const first = await db.screening.findUniqueOrThrow({ where: { id: created.screeningId } });
    await db.screening.create({
      data: { candidateId: created.candidateId, rulesetVersionId: first.rulesetVersionId, engineVersion: first.engineVersion, stage: first.stage, score: 0, band: "CLEAR", hits: [], details: {}, facts: {}, trigger: "api", createdAt: new Date(first.createdAt.getTime() + 1000) },
    });
    const list = await listScreeningsRoute(new Request(`${BASE}/v1/candidates/${created.candidateId}/screenings`, { headers: bearer(recruiterKey) }), idParams(created.candidateId));
    expect(list.status).toBe(200);
    const { screenings } = await list.json();
    expect(screenings.map((s: { enrichment: unknown }) => s.enrichment === null)).toEqual([true, false]);
    expect(screenings[1].enrichment).toEqual(created.enrichment);
  });

  it("answers 404 for an unknown id and 401 without credentials", async () => {
    const id = randomUUID();
    expect((await getCandidateRoute(new Request(`${BASE}/v1/candidates/${id}`, { headers: bearer(recruiterKey) }), idParams(id))).status).toBe(404);
    expect((await getCandidateRoute(new Request(`${BASE}/v1/candidates/not-a-uuid`, { headers: bearer(recruiterKey) }), idParams("not-a-uuid"))).status).toBe(404);
    expect((await listScreeningsRoute(new Request(`${BASE}/v1/candidates/${id}/screenings`, { headers: bearer(recruiterKey) }), idParams(id))).status).toBe(404);
    expect((await getCandidateRoute(new Request(`${BASE}/v1/candidates/${id}`), idParams(id))).status).toBe(401);
  });
});

describe("/api/admin/users with a key", () => {
  it("refuses every key, an admin's included: keys never list or create users (issue 9)", async () => {
    const res = await listUsersRoute(new Request(`${BASE}/admin/users`, { headers: bearer(recruiterKey) }), { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    const adminKey = (await createApiKey({ actor: admin, input: { name: "admin automation", role: "ADMIN" } })).key;
    const list = await listUsersRoute(new Request(`${BASE}/admin/users`, { headers: bearer(adminKey) }), { params: Promise.resolve({}) });
    expect(list.status).toBe(403);
    const email = `minted.${Date.now()}@example.com`;
    const create = await createUserRoute(
      new Request(`${BASE}/admin/users`, {
        method: "POST",
        headers: { ...bearer(adminKey), "content-type": "application/json" },
        body: JSON.stringify({ email, name: "Minted Admin", role: "ADMIN", password: "a-long-enough-password" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(create.status).toBe(403);
    expect((await create.json()).error.message).toMatch(/API keys can't manage users/);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });
});

describe("one profile, three paths", () => {
  /** Cross-candidate linkage depends on what else is in each database, so compare the rules that don't. */
  const withoutLinkage = (ruleIds: string[]) => [...new Set(ruleIds.filter((id) => rulesById.get(id)?.category !== "LINKAGE"))].sort();

  it("the same profile through the API, the form path and the CLI yields the same hits", { timeout: 180_000 }, async () => {
    // (a) the API route handler
    const viaApi = await (await post(submission(), bearer(recruiterKey))).json();
    // (b) the form path: the server action's use case, trigger "form"
    const recruiter = await createTestUser("RECRUITER");
    const viaForm = await submitCandidate({ actor: recruiter, submission: candidateSubmissionSchema.parse(submission()), trigger: "form" });
    // (c) the CLI, as a child process, on its own throwaway embedded database
    const dir = await mkdtemp(path.join(tmpdir(), "hrs-screen-"));
    try {
      const file = path.join(dir, "profiles.json");
      await writeFile(file, JSON.stringify([submission()]));
      const { code, stdout, stderr } = await runCli([file]);
      expect(code, stderr).toBe(0);
      const lines = stdout.split("\n").filter((l) => l.startsWith("{"));
      expect(lines).toHaveLength(1);
      const viaCli = JSON.parse(lines[0]) as { index: number; hits: string[]; score: number };
      expect(viaCli.index).toBe(0);

      const apiHits = withoutLinkage(viaApi.assessment.hits.map((h: { ruleId: string }) => h.ruleId));
      expect(apiHits.length).toBeGreaterThan(3);
      expect(withoutLinkage(viaForm.assessment.hits.map((h) => h.ruleId))).toEqual(apiHits);
      expect(withoutLinkage(viaCli.hits)).toEqual(apiHits);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the CLI rejects an invalid file before screening any profile", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hrs-screen-"));
    try {
      const file = path.join(dir, "profiles.json");
      const bad = submission();
      bad.profile.candidate = { ...bad.profile.candidate, email: undefined };
      await writeFile(file, JSON.stringify([submission(), bad]));
      const { code, stdout, stderr } = await runCli([file]);
      expect(code).toBe(1);
      expect(stdout.trim()).toBe("");
      expect(stderr).toContain("profile 1: invalid");
      expect(stderr).toContain("profile.candidate.email");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Its own embedded database: no DATABASE_URL from this test run.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DB_POOL_MAX;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_SCRIPT_ARGS, "scripts/screen.ts", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
