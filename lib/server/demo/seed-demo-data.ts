import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { hashPassword } from "../auth/password";
import { engine1RulesetConfig } from "@/lib/engine";
import { processRescreenJob } from "../jobs/process-rescreen-job";
import { createRulesetDraft } from "../rulesets/create-ruleset-draft";
import { publishRuleset } from "../rulesets/publish-ruleset";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { submitCandidate } from "../screening/submit-candidate";
import { demoCandidates } from "./demo-candidates";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { addCaseNote } from "../cases/add-case-note";
import { assignReviewCases } from "../cases/assign-review-cases";
import { startCaseReview } from "../cases/start-case-review";

export type SeedDemoDataOptions = { db: PrismaClient; ifEmpty?: boolean; log?: (msg: string) => void };

/** Demo users and a few candidates. With `ifEmpty`, does nothing when any user exists (first start only). */
export async function seedDemoData({ db, ifEmpty = false, log = console.log }: SeedDemoDataOptions) {
  if (ifEmpty && (await db.user.count()) > 0) {
    log("database already has users; demo data not seeded");
    return { seeded: false };
  }
  // The demo has a history, like an installation upgraded to engine 2: version 1 is the engine-1 default (each hit
  // counts on its own) and screens the demo candidates; the shipped default (the corroboration model) is then
  // published as version 2 and everyone is re-screened — so candidate histories and the ruleset page's "What this
  // version changed" show what the new default does to the same people.
  if ((await db.rulesetVersion.count()) === 0) {
    await db.rulesetVersion.create({
      data: {
        version: 1,
        status: "PUBLISHED",
        config: JSON.parse(JSON.stringify(engine1RulesetConfig)),
        notes: "Engine-1 default: each hit counts on its own (noisy-OR), H = 40.",
        publishedAt: new Date(Date.now() - 30 * 86_400_000),
      },
    });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      await tx.user.upsert({ where: { email: u.email }, update: {}, create: { ...u, passwordHash } });
    }
  });
  const recruiter = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email }, select: { id: true, email: true, name: true, role: true } });
  // Every demo candidate goes through the real submit path (enrichment, linkage, engine), so the demo shows what a
  // real pipeline would. Candidates past the application stage are screened twice, as they would have been.
  const demos = demoCandidates();
  const started = performance.now();
  for (const [i, demo] of demos.entries()) {
    const submission = candidateSubmissionSchema.parse(demo.submission);
    const existing = await db.candidate.findUnique({ where: { externalId: submission.externalId ?? "" }, select: { id: true } });
    if (existing) continue;
    if (submission.stage !== "APPLICATION" && i % 3 === 0) {
      const { interviews: _i, offer: _o, onboarding: _ob, activity: _a, postHire: _p, ...applicationOnly } = submission.profile;
      await submitCandidate({ actor: recruiter, submission: { ...submission, stage: "APPLICATION", profile: applicationOnly }, trigger: "form" });
    }
    const { candidateId } = await submitCandidate({ actor: recruiter, submission, trigger: "form" });
    await db.candidate.update({ where: { id: candidateId }, data: { createdAt: new Date(Date.now() - demo.daysAgo * 86_400_000 - i * 60_000) } });
    if ((i + 1) % 50 === 0) log(`  ${i + 1}/${demos.length} demo candidates screened (${Math.round(performance.now() - started)} ms)`);
  }
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((u) => u.role === "ADMIN")!.email }, select: { id: true, email: true, name: true, role: true } });
  const draft = await createRulesetDraft({
    actor: admin,
    input: { fromShippedDefault: true, notes: "Shipped default of engine 2: corroborating signals reinforce each other; one common, explainable signal alone stays Low." },
  });
  await publishRuleset({ actor: admin, rulesetVersionId: draft.id });
  // The re-screen the publish button queues, run here to completion so the demo starts consistent.
  const job = await db.rescreenJob.create({ data: { reason: "RULESET", subjectId: draft.id, createdById: admin.id }, select: { id: true } });
  const rescreen = await processRescreenJob({ rescreenJobId: job.id });
  log(`published the shipped default as ruleset version ${draft.version} and re-screened ${rescreen.rescreened} demo candidates`);
  await seedReviewWork(db, admin, log);
  log(`seeded ${DEMO_USERS.length} demo users and ${demos.length} demo candidates`);
  return { seeded: true };
}

/**
 * The screenings above opened review cases for the high-risk candidates (through the ruleset's review threshold, as
 * in production). Some work is then under way, so a new analyst sees a living queue: two cases claimed by the demo
 * analyst (one in review, with a note), one assigned to them by the admin, the rest unassigned.
 */
async function seedReviewWork(db: PrismaClient, admin: { id: string; email: string; name: string; role: "RECRUITER" | "SECURITY" | "ADMIN" }, log: (msg: string) => void) {
  const analystEmail = DEMO_USERS.find((u) => u.role === "SECURITY")!.email;
  const analyst = await db.user.findUniqueOrThrow({ where: { email: analystEmail }, select: { id: true, email: true, name: true, role: true } });
  const open = await db.reviewCase.findMany({ where: { status: "OPEN", assigneeId: null }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (open.length >= 3) {
    await assignReviewCases({ actor: analyst, input: { caseIds: [open[0].id, open[1].id], assignee: "me" } });
    await startCaseReview({ actor: analyst, caseId: open[0].id });
    await addCaseNote({ actor: analyst, input: { caseId: open[0].id, body: "Asked the recruiter for the round-2 recording; scheduling a live ID check." } });
    await assignReviewCases({ actor: admin, input: { caseIds: [open[2].id], assignee: analyst.id } });
  }
  log(`${await db.reviewCase.count()} review cases opened by the demo screenings (${Math.min(open.length, 3)} assigned to the demo analyst)`);
}
