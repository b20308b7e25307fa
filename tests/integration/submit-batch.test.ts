import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CandidateSubmission } from "@/lib/schemas/profile";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { submitCandidates, type SubmitOutcome } from "@/lib/server/screening/submit-candidates";
import { createTestUser } from "../support/factories";

let recruiter: Actor;
let security: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  security = await createTestUser("SECURITY");
});

const asOf = new Date("2026-06-01T12:00:00Z");

/** A fresh applicant; `phone` lets two applicants share a number. */
function applicant(name: string, phone: string, externalId?: string): CandidateSubmission {
  const tag = randomUUID().slice(0, 8);
  return {
    stage: "APPLICATION",
    externalId,
    profile: {
      candidate: {
        legalName: `${name} ${tag}`,
        email: `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@example.com`,
        phone,
        claimedLocation: { city: "Portland", region: "OR", country: "US" },
      },
    },
  };
}

function uniquePhone(): string {
  return `+1 503 555 ${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
}

function ok(outcome: SubmitOutcome) {
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

async function sharedPhoneOthers(screeningId: string): Promise<string[]> {
  const s = await getDb().screening.findUniqueOrThrow({ where: { id: screeningId }, select: { details: true } });
  const links = (s.details as { links: { sharedIdentifiers: { kind: string; others: { id: string }[] }[] } }).links;
  return links.sharedIdentifiers.filter((i) => i.kind === "PHONE").flatMap((i) => i.others.map((o) => o.id));
}

describe("submitCandidates (one transaction for many submits)", () => {
  it("links a batch exactly as the same submits one by one: later rows see earlier ones, never the reverse", async () => {
    const phone = uniquePhone();
    const batch = await submitCandidates({ actor: recruiter, items: [{ submission: applicant("Avery First", phone) }, { submission: applicant("Blake Second", phone) }], trigger: "csv", asOf });
    const [first, second] = batch.map(ok);
    expect(first.created && second.created).toBe(true);
    expect(await sharedPhoneOthers(first.screeningId)).toEqual([]);
    expect(await sharedPhoneOthers(second.screeningId)).toEqual([first.candidateId]);

    // The same two applicants submitted one at a time give the same hits.
    const phone2 = uniquePhone();
    const a = await submitCandidate({ actor: recruiter, submission: applicant("Avery First", phone2), trigger: "csv", asOf });
    const b = await submitCandidate({ actor: recruiter, submission: applicant("Blake Second", phone2), trigger: "csv", asOf });
    expect(first.assessment.hits.map((h) => h.ruleId)).toEqual(a.assessment.hits.map((h) => h.ruleId));
    expect(second.assessment.hits.map((h) => h.ruleId)).toEqual(b.assessment.hits.map((h) => h.ruleId));
    expect(second.assessment.hits.some((h) => h.indicatorIds.includes("LNK-01"))).toBe(b.assessment.hits.some((h) => h.indicatorIds.includes("LNK-01")));
  });

  it("writes candidates, screenings, latest scores and audit events for every row in one go", async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ submission: applicant(`Batch Row${i}`, uniquePhone()), idempotencyKey: randomUUID() }));
    const results = (await submitCandidates({ actor: recruiter, items, trigger: "csv", asOf })).map(ok);
    const db = getDb();
    const ids = results.map((r) => r.candidateId);
    const rows = await db.candidate.findMany({ where: { id: { in: ids } }, select: { id: true, latestScore: true, latestBand: true } });
    expect(rows).toHaveLength(5);
    for (const r of results) {
      const row = rows.find((x) => x.id === r.candidateId)!;
      expect(row).toMatchObject({ latestScore: r.assessment.score, latestBand: r.assessment.band });
      const audit = await db.auditEvent.findMany({ where: { subjectId: r.candidateId }, orderBy: { id: "asc" }, select: { action: true, after: true } });
      expect(audit.map((a) => a.action)).toEqual(["candidate.created", "candidate.screened"]);
      expect(audit[1].after).toMatchObject({ screeningId: r.screeningId, trigger: "csv" });
    }
    // Re-running the same batch with the same keys writes nothing new.
    const again = (await submitCandidates({ actor: recruiter, items, trigger: "csv", asOf })).map(ok);
    expect(again.map((r) => r.replayed)).toEqual([true, true, true, true, true]);
    expect(again.map((r) => r.screeningId)).toEqual(results.map((r) => r.screeningId));
    expect(await db.screening.count({ where: { candidateId: { in: ids } } })).toBe(5);
  });

  it("gives each row its own outcome: a bad row fails alone and the rest are stored", async () => {
    const items = [
      { submission: applicant("Good One", uniquePhone()) },
      { submission: applicant("Missing Target", uniquePhone()), candidateId: randomUUID() },
      { submission: applicant("Good Two", uniquePhone()) },
    ];
    const outcomes = await submitCandidates({ actor: recruiter, items, trigger: "csv", asOf });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1].ok ? null : (outcomes[1].error as { code?: string }).code).toBe("NOT_FOUND");
    const db = getDb();
    for (const o of [outcomes[0], outcomes[2]]) expect(await db.candidate.count({ where: { id: ok(o).candidateId } })).toBe(1);
  });

  it("treats a repeated external id in one batch as a create followed by an update", async () => {
    const externalId = `batch-${randomUUID()}`;
    const first = applicant("Casey Repeat", uniquePhone(), externalId);
    const second: CandidateSubmission = { stage: "INTERVIEW", externalId, profile: { communication: { insistsOnTextOnly: true } } };
    const [a, b] = (await submitCandidates({ actor: recruiter, items: [{ submission: first }, { submission: second }], trigger: "csv", asOf })).map(ok);
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.candidateId).toBe(a.candidateId);
    const row = await getDb().candidate.findUniqueOrThrow({ where: { externalId }, select: { stage: true, fullName: true } });
    expect(row.stage).toBe("INTERVIEW");
    expect(row.fullName).toBe(first.profile.candidate!.legalName);
    expect(await getDb().screening.count({ where: { candidateId: a.candidateId } })).toBe(2);
  });

  it("refuses rows the actor may not write, row by row", async () => {
    const [outcome] = await submitCandidates({ actor: security, items: [{ submission: applicant("Not Allowed", uniquePhone()) }], asOf });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? null : (outcome.error as { code?: string }).code).toBe("FORBIDDEN");
  });

  it("reports a conflict when the candidate changed between read and write, and writes nothing for it", async () => {
    const created = await submitCandidate({ actor: recruiter, submission: applicant("Dana Race", uniquePhone()), asOf });
    const db = getDb();
    // Two submits race for the same candidate: one wins, the other is refused with CONFLICT (never a lost update).
    const results = await Promise.allSettled([
      submitCandidate({ actor: recruiter, candidateId: created.candidateId, submission: { stage: "INTERVIEW", profile: { communication: { insistsOnTextOnly: true } } }, asOf }),
      submitCandidate({ actor: recruiter, candidateId: created.candidateId, submission: { stage: "INTERVIEW", profile: { communication: { prepaymentRequests: 1 } } }, asOf }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    for (const r of rejected) expect((r.reason as { code?: string }).code).toBe("CONFLICT");
    expect(await db.screening.count({ where: { candidateId: created.candidateId } })).toBe(1 + fulfilled.length);
  });

  it("does not let an earlier row see what a later row's update adds (a re-import that adds a shared phone)", async () => {
    const phone = uniquePhone();
    const existing = await submitCandidate({ actor: recruiter, submission: applicant("Existing Person", uniquePhone(), `batch-${randomUUID()}`), asOf });
    const externalId = (await getDb().candidate.findUniqueOrThrow({ where: { id: existing.candidateId }, select: { externalId: true } })).externalId!;
    const [created, updated] = (
      await submitCandidates({
        actor: recruiter,
        items: [
          { submission: applicant("Fresh Applicant", phone) },
          // The existing candidate now presents the same phone number as the row before it.
          { submission: { stage: "INTERVIEW", externalId, profile: { candidate: { legalName: "Existing Person Renamed", email: `renamed.${randomUUID().slice(0, 8)}@example.com`, phone } } } },
        ],
        trigger: "csv",
        asOf,
      })
    ).map(ok);
    expect(updated.candidateId).toBe(existing.candidateId);
    // One by one, the first row was screened before the update: it shares nothing with anyone yet.
    expect(await sharedPhoneOthers(created.screeningId)).toEqual([]);
    expect(await sharedPhoneOthers(updated.screeningId)).toEqual([created.candidateId]);
  });

  it("accepts a candidate id in upper case", async () => {
    const created = await submitCandidate({ actor: recruiter, submission: applicant("Upper Case", uniquePhone()), asOf });
    const again = await submitCandidate({ actor: recruiter, candidateId: created.candidateId.toUpperCase(), submission: { stage: "INTERVIEW", profile: {} }, asOf });
    expect(again.candidateId).toBe(created.candidateId);
    expect(again.created).toBe(false);
  });

  it("answers two concurrent retries with the same key and a new external id with one candidate, the second a replay", async () => {
    const submission = applicant("Retry Twice", uniquePhone(), `batch-${randomUUID()}`);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      submitCandidate({ actor: recruiter, submission, idempotencyKey: key, trigger: "api", asOf }),
      submitCandidate({ actor: recruiter, submission, idempotencyKey: key, trigger: "api", asOf }),
    ]);
    expect(a.screeningId).toBe(b.screeningId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await getDb().candidate.count({ where: { externalId: submission.externalId } })).toBe(1);
    expect(await getDb().screening.count({ where: { candidateId: a.candidateId } })).toBe(1);
  });

  it("keepStage screens at the stage stored at write time, not the one the caller read", async () => {
    const created = await submitCandidate({ actor: recruiter, submission: applicant("Stage Keeper", uniquePhone()), asOf });
    await submitCandidate({ actor: recruiter, candidateId: created.candidateId, submission: { stage: "OFFER", profile: {} }, asOf });
    // A re-screen that read the candidate while still at APPLICATION.
    const [outcome] = await submitCandidates({ actor: recruiter, items: [{ candidateId: created.candidateId, submission: { stage: "APPLICATION", profile: {} }, keepStage: true }], trigger: "rescreen", asOf });
    const screening = await getDb().screening.findUniqueOrThrow({ where: { id: ok(outcome).screeningId }, select: { stage: true } });
    expect(screening.stage).toBe("OFFER");
    expect((await getDb().candidate.findUniqueOrThrow({ where: { id: created.candidateId }, select: { stage: true } })).stage).toBe("OFFER");
  });
});
