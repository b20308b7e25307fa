// The fault tests' database setup, lighter than the demo seed (which screens 200 demo candidates, ~10 s on the embedded
// database): the published ruleset, the demo users with the demo password, and a recruiter API key made by the admin.
// Run as `node --import tsx --import ./scripts/lib/register-server-only.mjs tests/support/seed-fault-database.ts`
// with DATABASE_URL set; prints {"apiKey": "..."}.
import type { Actor } from "@/lib/server/auth/authorization";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { hashPassword } from "@/lib/server/auth/password";
import { disconnectDb, getDb } from "@/lib/server/db";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/server/demo/demo-users";
import { getPublishedRuleset } from "@/lib/server/rulesets/get-published-ruleset";

const db = getDb();
try {
  await getPublishedRuleset(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) await db.user.upsert({ where: { email: u.email }, update: {}, create: { ...u, passwordHash } });
  const admin: Actor = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" }, select: { id: true, email: true, name: true, role: true } });
  const { key } = await createApiKey({ actor: admin, input: { name: "fault test load", role: "RECRUITER" }, meta: { ip: null, userAgent: "fault test" } });
  console.log(JSON.stringify({ apiKey: key }));
} finally {
  await disconnectDb();
}
