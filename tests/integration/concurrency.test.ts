// Lost updates (issue 9, finding 7): every form that edits an existing candidate carries the version it was rendered
// from, and a save over a newer version is refused with CONFLICT — nothing written, nothing overwritten.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/authorization";
import { recordVerification } from "@/lib/server/candidates/record-verification";
import { submitStageEvidence } from "@/lib/server/candidates/submit-stage-evidence";
import { getDb } from "@/lib/server/db";
import { recordDecision } from "@/lib/server/decisions/record-decision";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { STALE_VERSION_MESSAGE, submitCandidates } from "@/lib/server/screening/submit-candidates";
import { candidateVersion } from "../support/candidate-version";
import { createTestUser } from "../support/factories";

let recruiter: Actor;
let otherRecruiter: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  otherRecruiter = await createTestUser("RECRUITER");
});

async function newCandidate(): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const { candidateId } = await submitCandidate({
    actor: recruiter,
    submission: { stage: "APPLICATION", profile: { candidate: { legalName: `Tabby Two ${tag}`, email: `tabby.${tag}@example.org`, claimedLocation: { city: "Austin", region: "TX", country: "US" } } } },
  });
  return candidateId;
}

/** Everything a save writes, so a refused one can be shown to have written nothing. */
async function writtenState(candidateId: string) {
  const db = getDb();
  const candidate = await db.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { profile: true, stage: true, updatedAt: true, updatedById: true, latestScore: true } });
  return {
    candidate,
    screenings: await db.screening.count({ where: { candidateId } }),
    audit: await db.auditEvent.count({ where: { subjectId: candidateId, action: { not: "candidate.viewed" } } }),
    decisions: await db.decision.count({ where: { candidateId } }),
    keys: await db.idempotencyKey.count(),
  };
}

const interviewPayload = (round: Record<string, unknown>) => JSON.stringify({ interviews: [{ round: 1, mode: "video", ...round }] });

describe("the stage form: two tabs on the same candidate", () => {
  it("refuses the second save with CONFLICT, writes nothing, and keeps the first save", async () => {
    const candidateId = await newCandidate();
    // Both tabs render the form from the same version.
    const version = await candidateVersion(candidateId);
    const first = await submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload: interviewPayload({ cameraDeclined: true }), idempotencyKey: randomUUID(), version });
    expect(first.replayed).toBe(false);
    const afterFirst = await writtenState(candidateId);

    const second = submitStageEvidence({ actor: otherRecruiter, candidateId, stage: "INTERVIEW", payload: interviewPayload({ cameraDeclined: false, deepfakeSigns: true }), idempotencyKey: randomUUID(), version });
    await expect(second).rejects.toMatchObject({ code: "CONFLICT", message: STALE_VERSION_MESSAGE });
    expect(STALE_VERSION_MESSAGE).toMatch(/^Someone else saved this candidate since you opened the form/);

    // Nothing was written: no screening, no audit event, no key, and the first tab's evidence is intact.
    expect(await writtenState(candidateId)).toEqual(afterFirst);
    const profile = afterFirst.candidate.profile as { interviews: { cameraDeclined?: boolean; deepfakeSigns?: boolean }[] };
    expect(profile.interviews).toEqual([expect.objectContaining({ cameraDeclined: true })]);
    expect(profile.interviews[0].deepfakeSigns).toBeUndefined();

    // Reopened on the new version, the same edit goes through.
    const reopened = await candidateVersion(candidateId);
    expect(reopened).not.toBe(version);
    await submitStageEvidence({ actor: otherRecruiter, candidateId, stage: "INTERVIEW", payload: interviewPayload({ cameraDeclined: true, deepfakeSigns: true }), idempotencyKey: randomUUID(), version: reopened });
    expect((await writtenState(candidateId)).screenings).toBe(afterFirst.screenings + 1);
  });

  it("answers a double submit of the saved form as a replay, not a conflict", async () => {
    const candidateId = await newCandidate();
    const version = await candidateVersion(candidateId);
    const key = randomUUID();
    const args = { actor: recruiter, candidateId, stage: "INTERVIEW" as const, payload: interviewPayload({ cameraDeclined: true }), idempotencyKey: key, version };
    const first = await submitStageEvidence(args);
    const again = await submitStageEvidence(args);
    expect(again).toMatchObject({ screeningId: first.screeningId, replayed: true });
    expect((await writtenState(candidateId)).screenings).toBe(2);
  });

  it("a re-screen does not make an open form stale (it changes nothing a person edits)", async () => {
    const candidateId = await newCandidate();
    const version = await candidateVersion(candidateId);
    const before = await writtenState(candidateId);
    // What a ruleset publish or a new sanctions list does to every candidate.
    const [rescreen] = await submitCandidates({ actor: recruiter, items: [{ candidateId, submission: { stage: "APPLICATION", profile: {} }, keepStage: true }], trigger: "rescreen" });
    expect(rescreen.ok).toBe(true);
    const after = await writtenState(candidateId);
    expect(after.screenings).toBe(before.screenings + 1);
    expect(after.candidate.updatedAt).toEqual(before.candidate.updatedAt);
    expect(after.candidate.updatedById).toBe(before.candidate.updatedById);
    await submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload: interviewPayload({ cameraDeclined: true }), idempotencyKey: randomUUID(), version });
    expect((await writtenState(candidateId)).screenings).toBe(before.screenings + 2);
  });

  it("refuses a version that is not the candidate's even when it is newer (a made-up one)", async () => {
    const candidateId = await newCandidate();
    const before = await writtenState(candidateId);
    const future = new Date(Date.now() + 60_000).toISOString();
    await expect(
      submitStageEvidence({ actor: recruiter, candidateId, stage: "INTERVIEW", payload: interviewPayload({ cameraDeclined: true }), idempotencyKey: randomUUID(), version: future }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await writtenState(candidateId)).toEqual(before);
  });
});

describe("the verification step form", () => {
  it("refuses to record a step over a newer version, and records it on the current one", async () => {
    const candidateId = await newCandidate();
    const version = await candidateVersion(candidateId);
    // Someone saves interview evidence after the candidate page was rendered.
    await submitStageEvidence({ actor: otherRecruiter, candidateId, stage: "INTERVIEW", payload: interviewPayload({ cameraDeclined: true }), idempotencyKey: randomUUID(), version });
    const before = await writtenState(candidateId);
    await expect(
      recordVerification({ actor: recruiter, candidateId, stepId: "show-surroundings", outcome: "passed", note: "Fine.", idempotencyKey: randomUUID(), version }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: STALE_VERSION_MESSAGE });
    expect(await writtenState(candidateId)).toEqual(before);
    expect((before.candidate.profile as { verifications?: unknown[] }).verifications).toBeUndefined();

    await recordVerification({ actor: recruiter, candidateId, stepId: "show-surroundings", outcome: "passed", note: "Fine.", idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) });
    const after = await writtenState(candidateId);
    expect(after.screenings).toBe(before.screenings + 1);
    expect((after.candidate.profile as { verifications?: { stepId: string }[] }).verifications?.map((v) => v.stepId)).toEqual(["show-surroundings"]);
  });
});

describe("the decision form", () => {
  it("refuses a decision when the candidate was screened again since the page was rendered", async () => {
    const candidateId = await newCandidate();
    const db = getDb();
    const seen = await db.screening.findFirstOrThrow({ where: { candidateId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    await submitStageEvidence({ actor: otherRecruiter, candidateId, stage: "INTERVIEW", payload: interviewPayload({ cameraDeclined: true }), idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) });
    const before = await writtenState(candidateId);
    const input = { candidateId, outcome: "PROCEED" as const, rationale: "References confirmed by phone.", screeningId: seen.id };
    await expect(recordDecision({ actor: recruiter, input })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/screened again since you opened the page/) });
    // A page rendered before any screening says so with "": also stale now.
    await expect(recordDecision({ actor: recruiter, input: { ...input, screeningId: "" } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await writtenState(candidateId)).toEqual(before);

    const latest = await db.screening.findFirstOrThrow({ where: { candidateId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    const decision = await recordDecision({ actor: recruiter, input: { ...input, screeningId: latest.id } });
    expect((await db.decision.findUniqueOrThrow({ where: { id: decision.id } })).screeningId).toBe(latest.id);
    expect((await writtenState(candidateId)).decisions).toBe(1);
  });
});
