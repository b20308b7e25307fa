// Review cases (issue 11, ADR 0011): opened in the screening's transaction, one open case per candidate however many
// screenings race, the re-open rules, four-eyes closure, recruiters refused, an audit event per transition.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { candidateSubmissionSchema, type CandidateSubmission } from "@/lib/schemas/profile";
import type { Actor } from "@/lib/server/auth/authorization";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { assignReviewCases } from "@/lib/server/cases/assign-review-cases";
import { getCandidateCaseStatus } from "@/lib/server/cases/get-candidate-case-status";
import { getReviewCase } from "@/lib/server/cases/get-review-case";
import { countReviewQueue } from "@/lib/server/cases/count-review-queue";
import { listReviewQueue } from "@/lib/server/cases/list-review-queue";
import { proposeCaseClosure } from "@/lib/server/cases/propose-case-closure";
import { reviewCaseClosure } from "@/lib/server/cases/review-case-closure";
import { startCaseReview } from "@/lib/server/cases/start-case-review";
import { upsertScreeningCases } from "@/lib/server/cases/upsert-screening-cases";
import { getDb } from "@/lib/server/db";
import { sqlQuery, withSqlTransaction } from "@/lib/server/db/sql";
import { recordDecision } from "@/lib/server/decisions/record-decision";
import { demoCandidates } from "@/lib/server/demo/demo-candidates";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { submitCandidates } from "@/lib/server/screening/submit-candidates";
import { ROOT } from "../../scripts/lib/processes.mjs";
import { createTestUser } from "../support/factories";

let recruiter: Actor;
let analyst: Actor;
let secondAnalyst: Actor;
let admin: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  analyst = await createTestUser("SECURITY");
  secondAnalyst = await createTestUser("SECURITY");
  admin = await createTestUser("ADMIN");
});

/** A unique phone per test candidate, so test candidates never link to each other by accident. */
function uniquePhone(): string {
  return `+1 415 555 ${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
}

/** A demo high-risk candidate (camera declined, a different face in round 2, text only), renamed to be unique. */
function riskySubmission(): CandidateSubmission {
  const demo = demoCandidates().find((d) => d.submission.externalId === "DEMO-1185")!;
  const s = candidateSubmissionSchema.parse(demo.submission);
  const tag = randomUUID().slice(0, 8);
  return { ...s, externalId: undefined, profile: { ...s.profile, candidate: { ...s.profile.candidate!, legalName: `Risky Test ${tag}`, email: `risky.${tag}@example.org`, phone: uniquePhone() } } };
}

function cleanSubmission(): CandidateSubmission {
  const tag = randomUUID().slice(0, 8);
  return candidateSubmissionSchema.parse({
    stage: "APPLICATION",
    profile: { candidate: { legalName: `Clean Test ${tag}`, email: `clean.${tag}@example.org`, phone: uniquePhone(), claimedLocation: { city: "Austin", region: "TX", country: "US" } } },
  });
}

const openCases = (candidateId: string) => getDb().reviewCase.findMany({ where: { candidateId, status: { in: ["OPEN", "IN_REVIEW", "PENDING_APPROVAL"] } } });
const auditCount = (caseId: string) => getDb().auditEvent.count({ where: { subjectType: "ReviewCase", subjectId: caseId } });

/** Re-screens that change nothing stored (the case rules still run): what a ruleset or sanctions re-screen does. */
function rescreen(candidateId: string) {
  return submitCandidates({ actor: admin, items: [{ submission: { stage: "APPLICATION", profile: {} } as CandidateSubmission, candidateId, keepStage: true }], trigger: "rescreen", rescreenPermission: "candidates.read" });
}

describe("automatic opening", () => {
  it("opens a case in the screening's transaction when the band reaches the review threshold, with a transition and an audit event", async () => {
    const result = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    expect(["HIGH", "CRITICAL"]).toContain(result.assessment.band);
    const [c] = await openCases(result.candidateId);
    expect(c).toMatchObject({ status: "OPEN", openedBy: "BAND_THRESHOLD", bandAtOpen: result.assessment.band, latestScreeningId: result.screeningId, assigneeId: null });
    // Due per the band's SLA (CRITICAL 24 h, HIGH 72 h by default).
    const hours = (c.dueAt.getTime() - c.openedAt.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(result.assessment.band === "CRITICAL" ? 24 : 72);
    const transitions = await getDb().caseTransition.findMany({ where: { caseId: c.id } });
    expect(transitions.map((t) => t.event)).toEqual(["opened"]);
    expect(await getDb().auditEvent.findFirst({ where: { subjectId: c.id, action: "case.opened" } })).toMatchObject({ actorId: recruiter.id, subjectType: "ReviewCase" });
  });

  it("opens none below the threshold", async () => {
    const result = await submitCandidate({ actor: recruiter, submission: cleanSubmission() });
    expect(["CLEAR", "LOW"]).toContain(result.assessment.band);
    expect(await getDb().reviewCase.count({ where: { candidateId: result.candidateId } })).toBe(0);
  });

  it("a later screening updates the open case, never opens a second one, even when screenings race", async () => {
    const first = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    const results = await Promise.all(Array.from({ length: 6 }, () => rescreen(first.candidateId)));
    expect(results.every(([o]) => o.ok)).toBe(true);
    const open = await openCases(first.candidateId);
    expect(open).toHaveLength(1);
    // The case follows the last screening to commit, as the candidate's latest score does.
    const candidate = await getDb().candidate.findUniqueOrThrow({ where: { id: first.candidateId }, select: { latestBand: true, latestScore: true } });
    expect(open[0]).toMatchObject({ latestBand: candidate.latestBand, latestScore: candidate.latestScore });
    const screenings = await getDb().screening.findMany({ where: { candidateId: first.candidateId }, select: { id: true } });
    expect(screenings).toHaveLength(7);
    expect(screenings.map((s) => s.id)).toContain(open[0].latestScreeningId);
    expect(await getDb().caseTransition.count({ where: { caseId: open[0].id, event: "opened" } })).toBe(1);
  });

  it("two transactions that both find no case meet on the partial unique index: one opens, the other updates", async () => {
    const clean = await submitCandidate({ actor: recruiter, submission: cleanSubmission() });
    const links = { sharedIdentifiers: [], nearDuplicateResumes: [], sharedShipTo: null, recurringEmployers: [], firstSeen: {} };
    const screening = await getDb().screening.findFirstOrThrow({ where: { candidateId: clean.candidateId }, select: { id: true } });
    // No candidate lock here (the screening write takes one): only the index and ON CONFLICT keep it to one case.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const racer = () =>
      withSqlTransaction(async (client) => {
        const effects = await upsertScreeningCases({ run: sqlQuery(client), screenings: [{ candidateId: clean.candidateId, screeningId: screening.id, band: "HIGH", score: 60, reviewThreshold: "HIGH", links }], actorId: admin.id });
        await gate;
        return effects;
      });
    const a = racer();
    const b = racer();
    setTimeout(release, 200);
    const effects = (await Promise.all([a, b])).flat();
    expect(effects.map((e) => e.effect).sort()).toEqual(["opened", "updated"]);
    expect(await openCases(clean.candidateId)).toHaveLength(1);
  });
});

/** A case taken to a closure by `analyst` (approved by `secondAnalyst` when four-eyes applies). */
async function closeCase(caseId: string, outcome: "CLEARED" | "NOT_CLEARED", reasonCodes: string[]) {
  await startCaseReview({ actor: analyst, caseId });
  const proposed = await proposeCaseClosure({ actor: analyst, input: { caseId, outcome, rationale: "Checked the evidence against the documents.", reasonCodes } });
  if (proposed.needsApproval) await reviewCaseClosure({ actor: secondAnalyst, input: { caseId, decision: "approve", rationale: "Agree with the proposer's reading." } });
}

describe("re-open rules", () => {
  it("a closed case re-opens when the band rises above the band decided on, not for an equal band", async () => {
    const clean = await submitCandidate({ actor: recruiter, submission: cleanSubmission() });
    await recordDecision({ actor: recruiter, input: { candidateId: clean.candidateId, outcome: "REFER_TO_SECURITY", rationale: "The interviewer was unsure about the video." } });
    const [c] = await openCases(clean.candidateId);
    expect(c).toMatchObject({ openedBy: "REFERRAL", bandAtOpen: clean.assessment.band });
    await closeCase(c.id, "CLEARED", ["IDENTITY_VERIFIED"]);
    expect((await getDb().reviewCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("CLEARED");

    // Same band again: stays closed (latest band updated).
    await rescreen(clean.candidateId);
    expect((await getDb().reviewCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("CLEARED");

    // New interview evidence pushes the band up: re-opened, with a transition and an audit event saying why.
    const risky = riskySubmission();
    const raised = await submitCandidate({ actor: recruiter, candidateId: clean.candidateId, submission: { stage: "INTERVIEW", profile: { interviews: risky.profile.interviews, communication: risky.profile.communication } } });
    expect(["HIGH", "CRITICAL"]).toContain(raised.assessment.band);
    const after = await getDb().reviewCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: "OPEN", reopenCount: 1, closedAt: null, latestBand: raised.assessment.band });
    expect(await openCases(clean.candidateId)).toHaveLength(1);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: c.id, action: "case.reopened" } });
    expect(audit.after).toMatchObject({ bandAboveDecided: true });
  });

  it("a closed case re-opens when a linked candidate appears that was not known at decision time", async () => {
    const phone = uniquePhone();
    const first = cleanSubmission();
    first.profile.candidate!.phone = phone;
    const one = await submitCandidate({ actor: recruiter, submission: first });
    await recordDecision({ actor: recruiter, input: { candidateId: one.candidateId, outcome: "REFER_TO_SECURITY", rationale: "References did not call back yet." } });
    const [c] = await openCases(one.candidateId);
    await closeCase(c.id, "CLEARED", ["IDENTITY_VERIFIED"]);

    // Another applicant presents the same phone; the first candidate's next screening finds the link.
    const second = cleanSubmission();
    second.profile.candidate!.phone = phone;
    const two = await submitCandidate({ actor: recruiter, submission: second });
    await rescreen(one.candidateId);
    const after = await getDb().reviewCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.status).toBe("OPEN");
    expect(after.linkedCandidateIds).toContain(two.candidateId);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: c.id, action: "case.reopened" } });
    expect((audit.after as { newLinkedCandidateIds: string[] }).newLinkedCandidateIds).toContain(two.candidateId);

    // Closed again with the link known: a further screening with the same links leaves it closed.
    await closeCase(c.id, "CLEARED", ["LINKS_EXPLAINED"]);
    await rescreen(one.candidateId);
    expect((await getDb().reviewCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("CLEARED");
    expect(await getDb().caseOutcomeLabel.count({ where: { caseId: c.id } })).toBe(2);
  });
});

describe("lifecycle and four-eyes", () => {
  it("NOT_CLEARED waits for a second analyst; the proposer's own approval is refused with nothing written", async () => {
    const r = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    const [c] = await openCases(r.candidateId);
    await assignReviewCases({ actor: analyst, input: { caseIds: [c.id], assignee: "me" } });
    await addCaseNote({ actor: analyst, input: { caseId: c.id, body: "Round 2 face differs from round 1; asked for a live ID check." } });
    await startCaseReview({ actor: analyst, caseId: c.id });
    const proposed = await proposeCaseClosure({
      actor: analyst,
      input: { caseId: c.id, outcome: "NOT_CLEARED", rationale: "Declined the live ID check twice.", reasonCodes: ["IDENTITY_NOT_VERIFIED", "PROXY_OR_IMPERSONATION"], screeningId: r.screeningId },
    });
    expect(proposed).toMatchObject({ status: "PENDING_APPROVAL", needsApproval: true });

    const db = getDb();
    const snapshot = async () => ({
      case: await db.reviewCase.findUniqueOrThrow({ where: { id: c.id } }),
      transitions: await db.caseTransition.count({ where: { caseId: c.id } }),
      labels: await db.caseOutcomeLabel.count({ where: { caseId: c.id } }),
      audit: await auditCount(c.id),
    });
    const before = await snapshot();
    await expect(reviewCaseClosure({ actor: analyst, input: { caseId: c.id, decision: "approve", rationale: "Approving my own proposal." } })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/You proposed this closure/),
    });
    await expect(reviewCaseClosure({ actor: analyst, input: { caseId: c.id, decision: "reject", rationale: "Sending my own proposal back." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    const approved = await reviewCaseClosure({ actor: secondAnalyst, input: { caseId: c.id, decision: "approve", rationale: "Agree: identity never verified." } });
    expect(approved.status).toBe("NOT_CLEARED");
    const label = await db.caseOutcomeLabel.findFirstOrThrow({ where: { caseId: c.id } });
    expect(label).toMatchObject({ candidateId: r.candidateId, screeningId: r.screeningId, outcome: "NOT_CLEARED", reasonCodes: ["IDENTITY_NOT_VERIFIED", "PROXY_OR_IMPERSONATION"], proposedById: analyst.id, decidedById: secondAnalyst.id });
    const approval = await db.caseTransition.findFirstOrThrow({ where: { caseId: c.id, event: "closure_approved" } });
    expect(approval).toMatchObject({ proposerId: analyst.id, approverId: secondAnalyst.id, toStatus: "NOT_CLEARED" });

    // One audit event per transition (and per assignment and note).
    const actions = (await db.auditEvent.findMany({ where: { subjectType: "ReviewCase", subjectId: c.id }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["case.opened", "case.assigned", "case.note_added", "case.review_started", "case.closure_proposed", "case.closure_approved"]);
    const events = (await db.caseTransition.findMany({ where: { caseId: c.id }, orderBy: { createdAt: "asc" }, select: { event: true } })).map((t) => t.event);
    expect(events).toEqual(["opened", "review_started", "closure_proposed", "closure_approved"]);

    // The record is append-only.
    await expect(db.caseTransition.updateMany({ where: { caseId: c.id }, data: { rationale: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.caseOutcomeLabel.deleteMany({ where: { caseId: c.id } })).rejects.toThrow(/append-only/);
    await expect(db.caseNote.updateMany({ where: { caseId: c.id }, data: { body: "rewritten" } })).rejects.toThrow(/append-only/);

    // The recruiter sees the outcome and "do not proceed", nothing else.
    expect(await getCandidateCaseStatus({ actor: recruiter, candidateId: r.candidateId })).toEqual({ status: "NOT_CLEARED", proceed: false });
  });

  it("clearing a candidate with no sanctions hit closes at once; a closure needs reason codes valid for its outcome", async () => {
    const r = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    const [c] = await openCases(r.candidateId);
    await startCaseReview({ actor: analyst, caseId: c.id });
    const { proposeCaseClosureSchema } = await import("@/lib/schemas/case");
    expect(proposeCaseClosureSchema.safeParse({ caseId: c.id, outcome: "CLEARED", rationale: "Verified by live video call.", reasonCodes: [] }).success).toBe(false);
    expect(proposeCaseClosureSchema.safeParse({ caseId: c.id, outcome: "CLEARED", rationale: "Verified by live video call.", reasonCodes: ["SANCTIONS_MATCH_CONFIRMED"] }).success).toBe(false);
    expect(proposeCaseClosureSchema.safeParse({ caseId: c.id, outcome: "REFERRED", rationale: "Verified by live video call.", reasonCodes: ["LEGAL_OBLIGATION"] }).success).toBe(false);
    const form = proposeCaseClosureSchema.parse({ caseId: c.id, outcome: "CLEARED", rationale: "Verified by live video call.", "reasonCode.IDENTITY_VERIFIED": "on", "reasonCode.LOCATION_VERIFIED": "on" });
    expect(form.reasonCodes).toEqual(["IDENTITY_VERIFIED", "LOCATION_VERIFIED"]);
    const closed = await proposeCaseClosure({ actor: analyst, input: form });
    expect(closed).toMatchObject({ status: "CLEARED", needsApproval: false });
    expect(await getCandidateCaseStatus({ actor: recruiter, candidateId: r.candidateId })).toEqual({ status: "CLEARED", proceed: true });
  });
});

describe("authorization", () => {
  it("refuses recruiters every case and queue action, and shows them no case data", async () => {
    const r = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    const [c] = await openCases(r.candidateId);
    const refused = [
      listReviewQueue({ actor: recruiter, query: { status: "open", sort: "due" } }),
      countReviewQueue({ actor: recruiter }),
      getReviewCase({ actor: recruiter, caseId: c.id }),
      assignReviewCases({ actor: recruiter, input: { caseIds: [c.id], assignee: "me" } }),
      addCaseNote({ actor: recruiter, input: { caseId: c.id, body: "A recruiter's note." } }),
      startCaseReview({ actor: recruiter, caseId: c.id }),
      proposeCaseClosure({ actor: recruiter, input: { caseId: c.id, outcome: "CLEARED", rationale: "Looks fine to me, honestly.", reasonCodes: ["IDENTITY_VERIFIED"] } }),
      reviewCaseClosure({ actor: recruiter, input: { caseId: c.id, decision: "approve", rationale: "Looks fine to me, honestly." } }),
    ];
    for (const p of refused) await expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await auditCount(c.id)).toBe(1);
    expect(await getCandidateCaseStatus({ actor: recruiter, candidateId: r.candidateId })).toEqual({ status: "UNDER_REVIEW", proceed: null });
  });

  it("assigns only to active analysts and admins; a bulk assignment is all or nothing", async () => {
    const a = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    const b = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    const ids = [(await openCases(a.candidateId))[0].id, (await openCases(b.candidateId))[0].id];
    await expect(assignReviewCases({ actor: admin, input: { caseIds: ids, assignee: recruiter.id } })).rejects.toMatchObject({ code: "VALIDATION" });
    const done = await assignReviewCases({ actor: admin, input: { caseIds: ids, assignee: secondAnalyst.id } });
    expect(done.changed).toBe(2);
    const mine = await listReviewQueue({ actor: secondAnalyst, query: { status: "open", sort: "due", assignee: "me" } });
    expect(mine.items.map((i) => i.id)).toEqual(expect.arrayContaining(ids));
    const counts = await countReviewQueue({ actor: secondAnalyst });
    expect(counts.mine).toBeGreaterThanOrEqual(2);
  });
});

describe("queue", () => {
  it("pages with a keyset cursor without gaps or repeats, in each sort", async () => {
    for (let i = 0; i < 3; i++) await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    for (const sort of ["due", "age", "score"] as const) {
      const all = await listReviewQueue({ actor: analyst, query: { status: "all", sort }, pageSize: 1000 });
      expect(all.items.length).toBeGreaterThan(4);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listReviewQueue({ actor: analyst, query: { status: "all", sort, cursor }, pageSize: 2 });
        seen.push(...page.items.map((i) => i.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(all.items.map((i) => i.id));
      expect(new Set(seen).size).toBe(seen.length);
    }
    const byScore = await listReviewQueue({ actor: analyst, query: { status: "all", sort: "score" }, pageSize: 1000 });
    const scores = byScore.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("filters by band, overdue and indicator", async () => {
    const r = await submitCandidate({ actor: recruiter, submission: riskySubmission() });
    const [c] = await openCases(r.candidateId);
    const band = r.assessment.band as "HIGH" | "CRITICAL";
    const inBand = await listReviewQueue({ actor: analyst, query: { status: "open", sort: "due", band }, pageSize: 1000 });
    expect(inBand.items.map((i) => i.id)).toContain(c.id);
    expect(inBand.items.every((i) => i.band === band)).toBe(true);
    const indicator = (r.assessment.hits[0].indicatorIds as string[])[0];
    const byIndicator = await listReviewQueue({ actor: analyst, query: { status: "open", sort: "due", indicator }, pageSize: 1000 });
    expect(byIndicator.items.map((i) => i.id)).toContain(c.id);
    const overdueNow = await listReviewQueue({ actor: analyst, query: { status: "open", sort: "due", overdue: "1" }, pageSize: 1000 });
    expect(overdueNow.items.map((i) => i.id)).not.toContain(c.id);
    const later = new Date(c.dueAt.getTime() + 60_000);
    const overdueLater = await listReviewQueue({ actor: analyst, query: { status: "open", sort: "due", overdue: "1" }, pageSize: 1000, now: later });
    expect(overdueLater.items.find((i) => i.id === c.id)).toMatchObject({ overdue: true });
  });
});

describe("the ruleset's review threshold", () => {
  it("is part of a draft, listed as a change, and the preview counts the candidates that would open a case", async () => {
    const { createRulesetDraft } = await import("@/lib/server/rulesets/create-ruleset-draft");
    const { previewRuleset } = await import("@/lib/server/rulesets/preview-ruleset");
    const draft = await createRulesetDraft({ actor: admin, input: { notes: "Open review cases from the Elevated band.", reviewThreshold: "ELEVATED" } });
    const stored = await getDb().rulesetVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { config: true } });
    expect((stored.config as { reviewThreshold?: string }).reviewThreshold).toBe("ELEVATED");
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: draft.id, action: "ruleset.draft_created" } });
    expect((audit.after as { changes: string[] }).changes).toContain("Review cases open from High → Elevated");
    const preview = await previewRuleset({ actor: admin, rulesetVersionId: draft.id });
    expect(preview.reviewThreshold).toBe("ELEVATED");
    // The closed high-risk cases of the tests above reach the threshold without an open case.
    expect(preview.wouldOpenCase).toBeGreaterThanOrEqual(1);
    expect(preview.atReviewThreshold).toBeGreaterThan(preview.wouldOpenCase);
  });
});

describe("the audit chain (ADR 0010)", () => {
  it("stays whole with the case events the screening's set-based statement and the case actions wrote", async () => {
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "scripts/audit-verify.ts"), "--db", process.env.DATABASE_URL!],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: "" }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      ),
    );
    expect(result.code, result.output).toBe(0);
    expect(await getDb().auditEvent.count({ where: { subjectType: "ReviewCase" } })).toBeGreaterThan(20);
  });
});
