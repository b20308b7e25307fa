import { beforeAll, describe, expect, it } from "vitest";
import type { Hit } from "@/lib/engine";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { explainFlag } from "@/lib/server/explanations/explain-flag";
import type { ScreeningSuppression } from "@/lib/server/explanations/apply-accepted-explanations";
import { reviewExplanation } from "@/lib/server/explanations/review-explanation";
import { previewRuleset } from "@/lib/server/rulesets/preview-ruleset";
import { exportScreeningsCsv } from "@/lib/server/exports/export-screenings-csv";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import type { CandidateSubmission } from "@/lib/schemas/profile";
import { createTestUser } from "../support/factories";

let recruiter: Actor;
let security: Actor;
let otherSecurity: Actor;

const home = { line1: "1200 Oak Street", city: "Columbus", region: "OH", postalCode: "43215", country: "US" };

function submission(tag: string, shipTo: Record<string, string>, reason?: string): CandidateSubmission {
  return {
    stage: "ONBOARDING",
    profile: {
      candidate: { legalName: `Robin Relocating ${tag}`, email: `robin.${tag}@example.org`, claimedLocation: { city: "Columbus", region: "OH", country: "US" }, homeAddress: home },
      role: { country: "US" },
      onboarding: { equipment: { shipTo, ...(reason ? { shipToReason: reason } : {}) } },
    },
  } as CandidateSubmission;
}

async function latestScreening(candidateId: string) {
  const s = await getDb().screening.findFirstOrThrow({ where: { candidateId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return { ...s, hits: s.hits as unknown as Hit[], suppressed: ((s.details as { suppressed?: ScreeningSuppression[] }).suppressed ?? []) as ScreeningSuppression[] };
}

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  security = await createTestUser("SECURITY");
  otherSecurity = await createTestUser("SECURITY");
  await getDb().user.update({ where: { id: otherSecurity.id }, data: { name: "Sam Reviewer" } });
  otherSecurity = { ...otherSecurity, name: "Sam Reviewer" };
});

describe("explained flags", () => {
  it("explain → accept → re-screen suppresses the hit with who, when and why; a new ship-to address fires again", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const parents = { line1: "9 Elm Road", city: "Dayton", region: "OH", postalCode: "45402", country: "US" };
    const first = await submitCandidate({ actor: recruiter, submission: submission(tag, parents, "Staying with my parents until the move on 1 March") });
    const candidateId = first.candidateId;
    const hit = first.assessment.hits.find((h) => h.ruleId === "ship-to-differs-from-home");
    expect(hit).toBeDefined();
    // The stated reason is shown as context evidence, and never switches the rule off by itself.
    expect(hit!.evidence).toContainEqual({ label: "Reason given for this address", value: "Staying with my parents until the move on 1 March", context: true });
    const scoreBefore = first.assessment.score;
    expect(scoreBefore).toBeGreaterThan(0);

    const explanation = await explainFlag({
      actor: recruiter,
      input: { candidateId, screeningId: first.screeningId, ruleId: "ship-to-differs-from-home", explanation: "Relocating from Dayton; lease for the new Columbus flat starts 1 March.", reference: "HR ticket 4411 (lease copy)" },
    });

    // A second explanation of the same finding waits for the first to be reviewed.
    await expect(
      explainFlag({ actor: security, input: { candidateId, screeningId: first.screeningId, ruleId: "ship-to-differs-from-home", explanation: "Same thing, explained again by me." } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // A recruiter cannot accept; nobody accepts their own explanation.
    await expect(reviewExplanation({ actor: recruiter, input: { explanationId: explanation.id, outcome: "ACCEPTED", note: "Fine by me." } })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const result = await reviewExplanation({ actor: otherSecurity, input: { explanationId: explanation.id, outcome: "ACCEPTED", note: "Lease and mover's invoice checked; parents' address confirmed." } });
    expect(result.rescreen).toMatchObject({ ok: true });

    const after = await latestScreening(candidateId);
    expect(after.trigger).toBe("explanation");
    expect(after.hits.map((h) => h.ruleId)).not.toContain("ship-to-differs-from-home");
    expect(after.score).toBeLessThan(scoreBefore);
    const suppression = after.suppressed.find((x) => x.ruleId === "ship-to-differs-from-home");
    expect(suppression).toBeDefined();
    expect(suppression!.reason).toContain("Sam Reviewer");
    expect(suppression!.reason).toContain("Lease and mover's invoice checked");
    expect(suppression!.explanation).toMatchObject({
      id: explanation.id,
      explainedBy: recruiter.name,
      acceptedBy: "Sam Reviewer",
      note: "Lease and mover's invoice checked; parents' address confirmed.",
      reference: "HR ticket 4411 (lease copy)",
    });
    expect(Date.parse(suppression!.explanation!.acceptedAt)).not.toBeNaN();
    expect(suppression!.evidence).toContainEqual({ label: "Ship-to address", value: expect.stringContaining("9 Elm Road") });

    // Audited in the same transactions: the explanation, the acceptance, and the re-screen.
    const db = getDb();
    const actions = (await db.auditEvent.findMany({ where: { subjectId: candidateId }, select: { action: true, actorId: true } })).map((a) => `${a.action}:${a.actorId}`);
    expect(actions).toContain(`candidate.flag_explained:${recruiter.id}`);
    expect(actions).toContain(`candidate.explanation_accepted:${otherSecurity.id}`);
    // A review is final and append-only.
    await expect(reviewExplanation({ actor: security, input: { explanationId: explanation.id, outcome: "REJECTED", note: "Changed my mind." } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(db.flagExplanationReview.updateMany({ where: { explanationId: explanation.id }, data: { note: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.flagExplanation.deleteMany({ where: { id: explanation.id } })).rejects.toThrow(/append-only/);

    // The screenings export names the suppressed rule on the re-screen's row.
    const csv = await new Response(await exportScreeningsCsv({ actor: security, filter: { q: `Robin Relocating ${tag}`, sort: "newest" } })).text();
    const header = csv.split(/\r?\n/)[0].split(",");
    const row = csv.split(/\r?\n/).find((l) => l.startsWith(after.id))!.split(",");
    expect(row[header.indexOf("trigger")]).toBe("explanation");
    expect(row[header.indexOf("rules_suppressed")]).toBe("ship-to-differs-from-home");
    expect(row[header.indexOf("rules_hit")]).not.toContain("ship-to-differs-from-home");

    // The ruleset preview applies accepted explanations too: the published ruleset itself moves nobody.
    const admin = await createTestUser("ADMIN");
    const published = await db.rulesetVersion.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
    const preview = await previewRuleset({ actor: admin, rulesetVersionId: published.id, sampleSize: 5000 });
    expect(preview.sample.find((c) => c.candidateId === candidateId)).toBeUndefined();

    // An unrelated later save keeps the suppression (same finding)…
    const resaved = await submitCandidate({ actor: recruiter, candidateId, submission: { stage: "ONBOARDING", profile: { role: { title: "Engineer" } } } as CandidateSubmission });
    expect(resaved.assessment.hits.map((h) => h.ruleId)).not.toContain("ship-to-differs-from-home");
    // …but a new, different ship-to address is a different finding: it fires again.
    const moved = await submitCandidate({
      actor: recruiter,
      candidateId,
      submission: submission(tag, { line1: "77 Harbour Way", city: "Miami", region: "FL", postalCode: "33101", country: "US" }, "Staying with my parents until the move on 1 March"),
    });
    expect(moved.assessment.hits.map((h) => h.ruleId)).toContain("ship-to-differs-from-home");
    expect(moved.assessment.suppressed.map((x) => x.ruleId)).not.toContain("ship-to-differs-from-home");
  });

  it("refuses one's own explanation, and a rejection changes nothing in the score", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const first = await submitCandidate({ actor: recruiter, submission: submission(tag, { line1: "5 Pine Ave", city: "Akron", region: "OH", postalCode: "44308", country: "US" }) });
    const own = await explainFlag({ actor: security, input: { candidateId: first.candidateId, screeningId: first.screeningId, ruleId: "ship-to-differs-from-home", explanation: "Office address of the client site, checked with the client." } });
    await expect(reviewExplanation({ actor: security, input: { explanationId: own.id, outcome: "ACCEPTED", note: "Accepting my own." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().flagExplanationReview.count({ where: { explanationId: own.id } })).toBe(0);

    const rejected = await reviewExplanation({ actor: otherSecurity, input: { explanationId: own.id, outcome: "REJECTED", note: "The client has no site in Akron." } });
    expect(rejected.rescreen).toBeNull();
    const latest = await latestScreening(first.candidateId);
    expect(latest.id).toBe(first.screeningId);
    // A rejected explanation can be followed by a new one.
    const again = await explainFlag({ actor: recruiter, input: { candidateId: first.candidateId, screeningId: first.screeningId, ruleId: "ship-to-differs-from-home", explanation: "Candidate corrected: it is a co-working space, membership seen." } });
    expect(again.id).not.toBe(own.id);
  });

  it("refuses an explanation of a stale screening or of a flag that is not in it", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const first = await submitCandidate({ actor: recruiter, submission: submission(tag, { line1: "8 Birch Ln", city: "Toledo", region: "OH", postalCode: "43604", country: "US" }) });
    await expect(
      explainFlag({ actor: recruiter, input: { candidateId: first.candidateId, screeningId: first.screeningId, ruleId: "payee-differs", explanation: "There is no such flag on this one." } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await submitCandidate({ actor: recruiter, candidateId: first.candidateId, submission: { stage: "ONBOARDING", profile: { role: { title: "Engineer" } } } as CandidateSubmission });
    await expect(
      explainFlag({ actor: recruiter, input: { candidateId: first.candidateId, screeningId: first.screeningId, ruleId: "ship-to-differs-from-home", explanation: "Explaining what I saw an hour ago." } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
