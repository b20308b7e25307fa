import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { hashPassword } from "../auth/password";
import { getPublishedRuleset } from "../rulesets/get-published-ruleset";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export type SeedDemoDataOptions = { db: PrismaClient; ifEmpty?: boolean; log?: (msg: string) => void };

// Clearly fictional people (example.com / example.org addresses, 555 phone numbers).
const DEMO_CANDIDATES = [
  { fullName: "Jordan Avery", email: "jordan.avery@example.org", phone: "+1 415 555 0132", claimedCity: "San Francisco", claimedRegion: "CA", claimedCountry: "US" },
  { fullName: "Priya Natarajan", email: "priya.n@example.org", phone: "+1 512 555 0187", claimedCity: "Austin", claimedRegion: "TX", claimedCountry: "US" },
  { fullName: "Mateo Fernández", email: "mateo.fernandez@example.org", phone: "+34 612 345 678", claimedCity: "Valencia", claimedRegion: null, claimedCountry: "ES" },
  { fullName: "Hannah Okafor", email: "hannah.okafor@example.org", phone: "+44 7700 900123", claimedCity: "Leeds", claimedRegion: null, claimedCountry: "GB" },
  { fullName: "Daniel Kim", email: "daniel.kim.dev@example.org", phone: "+1 206 555 0199", claimedCity: "Seattle", claimedRegion: "WA", claimedCountry: "US" },
  { fullName: "Emily Chen", email: "emily.chen@example.org", phone: "+1 646 555 0145", claimedCity: "New York", claimedRegion: "NY", claimedCountry: "US" },
] as const;

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
    const recruiter = await tx.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
    const start = Date.UTC(2026, 9, 1);
    for (const [i, c] of DEMO_CANDIDATES.entries()) {
      const existing = await tx.candidate.findFirst({ where: { email: c.email }, select: { id: true } });
      if (existing) continue;
      const candidate = await tx.candidate.create({
        data: { ...c, createdById: recruiter.id, updatedById: recruiter.id, createdAt: new Date(start + i * 86_400_000) },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: { actorId: recruiter.id, action: "candidate.created", subjectType: "Candidate", subjectId: candidate.id, after: { ...c, seeded: true } },
      });
    }
  });
  log(`seeded ${DEMO_USERS.length} demo users and ${DEMO_CANDIDATES.length} demo candidates`);
  return { seeded: true };
}
