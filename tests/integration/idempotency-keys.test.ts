// Idempotency keys (issue 9, finding 12): the same key with the same request replays the first result; the same key
// with a different request is refused (API 422 UNPROCESSABLE, forms a clear message) and writes nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as submitRoute } from "@/app/api/v1/candidates/route";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import type { Actor } from "@/lib/server/auth/authorization";
import { createCandidate } from "@/lib/server/candidates/create-candidate";
import { recordVerification } from "@/lib/server/candidates/record-verification";
import { submitStageEvidence } from "@/lib/server/candidates/submit-stage-evidence";
import { getDb } from "@/lib/server/db";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { candidateVersion } from "../support/candidate-version";
import { candidateInput, createTestUser } from "../support/factories";

let admin: Actor;
let recruiter: Actor;
let apiKey: string;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  recruiter = await createTestUser("RECRUITER");
  apiKey = (await createApiKey({ actor: admin, input: { name: "idempotency", role: "RECRUITER" } })).key;
});

function body(tag: string, overrides: Record<string, unknown> = {}) {
  return { externalId: `ats-${tag}`, stage: "APPLICATION", profile: { candidate: { legalName: `Ida Empotent ${tag}`, email: `ida.${tag}@example.org`, ...overrides } } };
}

function post(payload: unknown, key: string) {
  return submitRoute(
    new Request("http://localhost/api/v1/candidates", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, "idempotency-key": key },
      body: typeof payload === "string" ? payload : JSON.stringify(payload),
    }),
    { params: Promise.resolve({}) },
  );
}

async function counts() {
  const db = getDb();
  return { candidates: await db.candidate.count(), screenings: await db.screening.count(), audit: await db.auditEvent.count(), keys: await db.idempotencyKey.count() };
}

describe("POST /api/v1/candidates with an Idempotency-Key", () => {
  it("replays the same request (whatever its key order and spacing), and refuses a different one with 422", async () => {
    const tag = randomUUID().slice(0, 8);
    const key = `sync-${tag}`;
    const first = await post(body(tag), key);
    expect(first.status).toBe(201);
    const firstJson = await first.json();
    const stored = await getDb().idempotencyKey.findFirstOrThrow({ where: { key: { endsWith: `:${key}` } } });
    expect(stored.requestHash).toMatch(/^[0-9a-f]{64}$/);

    // The same request, written differently: a replay.
    const same = body(tag);
    const reordered = JSON.stringify({ profile: { candidate: { email: same.profile.candidate.email, legalName: same.profile.candidate.legalName } }, stage: "APPLICATION", externalId: same.externalId }, null, 2);
    const replay = await post(reordered, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(firstJson);

    // A different request with the same key: refused, and nothing is written.
    const before = await counts();
    const different = await post(body(tag, { legalName: `Someone Else ${tag}` }), key);
    expect(different.status).toBe(422);
    const { error } = await different.json();
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toMatch(/Idempotency-Key was already used with a different request/);
    expect(await counts()).toEqual(before);
    const candidate = await getDb().candidate.findUniqueOrThrow({ where: { id: firstJson.candidateId }, select: { fullName: true } });
    expect(candidate.fullName).toBe(`Ida Empotent ${tag}`);
  });

  it("refuses the loser of two concurrent requests with one key and different bodies", async () => {
    const tag = randomUUID().slice(0, 8);
    const key = `race-${tag}`;
    const [a, b] = await Promise.all([post(body(tag), key), post(body(`${tag}-b`), key)]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    const db = getDb();
    expect(await db.candidate.count({ where: { externalId: { in: [`ats-${tag}`, `ats-${tag}-b`] } } })).toBe(1);
  });

  it("still replays a key stored before request hashes were kept", async () => {
    const tag = randomUUID().slice(0, 8);
    const key = `legacy-${tag}`;
    const first = await (await post(body(tag), key)).json();
    await getDb().idempotencyKey.updateMany({ where: { key: { endsWith: `:${key}` } }, data: { requestHash: null } });
    const again = await post(body(tag, { legalName: "Changed Since" }), key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await again.json()).screeningId).toBe(first.screeningId);
  });
});

describe("forms whose key is reused with different content (Back, edit, submit again)", () => {
  it("the quick-add form: refused with a message for people, nothing created", async () => {
    const key = randomUUID();
    const input = candidateInput();
    const first = await createCandidate({ actor: recruiter, input, idempotencyKey: key });
    // A double submit of the same form is the first result.
    expect(await createCandidate({ actor: recruiter, input, idempotencyKey: key })).toEqual({ ...first, replayed: true });
    const before = await counts();
    const edited = { ...input, email: `edited.${randomUUID().slice(0, 8)}@example.org` };
    await expect(createCandidate({ actor: recruiter, input: edited, idempotencyKey: key })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/^This form was already saved with different content\. Nothing more was saved/),
    });
    expect(await counts()).toEqual(before);
    expect(await getDb().candidate.count({ where: { email: edited.email } })).toBe(0);
  });

  it("a stage form: refused, and the first save stays as it was", async () => {
    const { id: candidateId } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() });
    const version = await candidateVersion(candidateId);
    const key = randomUUID();
    await submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload: JSON.stringify({ interviews: [{ round: 1, cameraDeclined: true }] }), idempotencyKey: key, version });
    const before = await counts();
    const profileBefore = (await getDb().candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { profile: true } })).profile;
    await expect(
      submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload: JSON.stringify({ interviews: [{ round: 1, cameraDeclined: false }] }), idempotencyKey: key, version }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect(await counts()).toEqual(before);
    expect((await getDb().candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { profile: true } })).profile).toEqual(profileBefore);
  });

  it("a verification step retried with the same key replays, though the record it builds carries a new time", async () => {
    const { id: candidateId } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() });
    const args = { actor: recruiter, candidateId, stepId: "show-surroundings", outcome: "passed" as const, note: "Office visible.", idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) };
    const first = await recordVerification(args);
    await new Promise((r) => setTimeout(r, 5));
    const again = await recordVerification(args);
    expect(again).toMatchObject({ screeningId: first.screeningId, replayed: true });
    await expect(recordVerification({ ...args, outcome: "failed" })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    const profile = (await getDb().candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { profile: true } })).profile as { verifications: unknown[] };
    expect(profile.verifications).toHaveLength(1);
  });

  it("import rows and re-screens derive their keys from the job: a re-run replays (same request), never 422", async () => {
    const submission = { stage: "APPLICATION" as const, profile: { candidate: { legalName: "Row Replay", email: `row.${randomUUID().slice(0, 8)}@example.org` } } };
    const key = `import:${randomUUID()}:2`;
    const first = await submitCandidate({ actor: recruiter, submission, idempotencyKey: key, trigger: "csv" });
    const again = await submitCandidate({ actor: recruiter, submission: structuredClone(submission), idempotencyKey: key, trigger: "csv" });
    expect(again).toMatchObject({ screeningId: first.screeningId, replayed: true });
  });
});
