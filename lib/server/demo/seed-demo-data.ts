import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { hashPassword } from "../auth/password";
import { getPublishedRuleset } from "../rulesets/get-published-ruleset";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { submitCandidate } from "../screening/submit-candidate";
import { demoCandidates } from "./demo-candidates";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export type SeedDemoDataOptions = { db: PrismaClient; ifEmpty?: boolean; log?: (msg: string) => void };

/** Demo users and a few candidates. With `ifEmpty`, does nothing when any user exists (first start only). */
export async function seedDemoData({ db, ifEmpty = false, log = console.log }: SeedDemoDataOptions) {
  if (ifEmpty && (await db.user.count()) > 0) {
    log("database already has users; demo data not seeded");
    return { seeded: false };
  }
  // The engine's default ruleset, stored as published version 1 (every screening names the version it used).
  await getPublishedRuleset(db);
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
  log(`seeded ${DEMO_USERS.length} demo users and ${demos.length} demo candidates`);
  return { seeded: true };
}
