import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/authorization";
import { createCandidate } from "@/lib/server/candidates/create-candidate";
import { getDb } from "@/lib/server/db";
import { recordDecision } from "@/lib/server/decisions/record-decision";
import { decisionSchema } from "@/lib/schemas/decision";
import { candidateVersion } from "../support/candidate-version";
import { candidateInput, createTestUser } from "../support/factories";

let recruiter: Actor;
let security: Actor;
let candidateId: string;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  security = await createTestUser("SECURITY");
  ({ id: candidateId } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() }));
});

describe("recordDecision", () => {
  it("records a recruiter's decision with its rationale, tied to the latest screening, and audits it", async () => {
    const decision = await recordDecision({ actor: recruiter, input: { candidateId, outcome: "REFER_TO_SECURITY", rationale: "Ship-to address changed two days before start." } });
    const db = getDb();
    const row = await db.decision.findUniqueOrThrow({ where: { id: decision.id } });
    const screening = await db.screening.findFirstOrThrow({ where: { candidateId }, orderBy: { createdAt: "desc" } });
    expect(row).toMatchObject({ outcome: "REFER_TO_SECURITY", actorId: recruiter.id, screeningId: screening.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: candidateId, action: "candidate.decision_recorded" } });
    expect(audit.after).toMatchObject({ decisionId: decision.id, rationale: "Ship-to address changed two days before start." });
  });

  it("keeps security-review outcomes off the decision path: they are the review case's closure (four-eyes)", async () => {
    await expect(recordDecision({ actor: recruiter, input: { candidateId, outcome: "CLEARED", rationale: "Looks fine to me, honestly." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = await getDb().decision.count({ where: { candidateId } });
    await expect(recordDecision({ actor: security, input: { candidateId, outcome: "NOT_CLEARED", rationale: "Identity never verified on the live call." } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { outcome: [expect.stringMatching(/review case/)] },
    });
    expect(await getDb().decision.count({ where: { candidateId } })).toBe(before);
  });

  it("requires a rationale and refuses changes to recorded decisions", async () => {
    expect(decisionSchema.safeParse({ candidateId, outcome: "HOLD", rationale: "ok" }).success).toBe(false);
    const d = await recordDecision({ actor: recruiter, input: { candidateId, outcome: "HOLD", rationale: "Waiting for the notary appointment." } });
    await expect(getDb().decision.update({ where: { id: d.id }, data: { rationale: "rewritten" } })).rejects.toThrow(/append-only/);
  });

  it("answers NOT_FOUND for an unknown candidate", async () => {
    await expect(recordDecision({ actor: recruiter, input: { candidateId: randomUUID(), outcome: "PROCEED", rationale: "No such person exists here." } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("recordVerification", () => {
  it("records a step's outcome as evidence and screens again", async () => {
    const { recordVerification } = await import("@/lib/server/candidates/record-verification");
    const db = getDb();
    const before = await db.screening.count({ where: { candidateId } });
    const result = await recordVerification({ actor: recruiter, candidateId, stepId: "show-surroundings", outcome: "failed", note: "Camera pointed at a wall only.", idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) });
    expect(await db.screening.count({ where: { candidateId } })).toBe(before + 1);
    const latest = await db.screening.findUniqueOrThrow({ where: { id: result.screeningId } });
    expect(latest.trigger).toBe("verification");
    const row = await db.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { profile: true } });
    const profile = row.profile as { verifications?: { stepId: string; outcome: string }[]; interviews?: { surroundingsCheck?: string }[] };
    expect(profile.verifications?.at(-1)).toMatchObject({ stepId: "show-surroundings", outcome: "failed" });
    // The outcome is evidence the engine reads: a failed location check is now a hit.
    expect(profile.interviews?.at(-1)?.surroundingsCheck).toBe("failed");
    expect((latest.hits as { ruleId: string }[]).map((h) => h.ruleId)).toContain("failed-location-check");
  });

  it("refuses an unknown step and a role without candidates.update", async () => {
    const { recordVerification } = await import("@/lib/server/candidates/record-verification");
    await expect(recordVerification({ actor: recruiter, candidateId, stepId: "read-tea-leaves", outcome: "passed", idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(recordVerification({ actor: security, candidateId, stepId: "show-surroundings", outcome: "passed", idempotencyKey: randomUUID(), version: await candidateVersion(candidateId) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
