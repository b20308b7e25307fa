// Factories shared by integration tests: real rows through the real Prisma client.
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/permissions";
import type { CandidateCreateInput } from "@/lib/schemas/candidate";
import { hashPassword } from "@/lib/server/auth/password";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";

export const TEST_PASSWORD = "correct-horse-battery-staple";

let passwordHash: Promise<string> | undefined;

export async function createTestUser(role: Role, overrides: { email?: string; disabled?: boolean } = {}): Promise<Actor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await getDb().user.create({
    data: { email, name: `Test ${role.toLowerCase()}`, role, passwordHash: await passwordHash, disabled: overrides.disabled ?? false },
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
}

export function candidateInput(overrides: Partial<CandidateCreateInput> = {}): CandidateCreateInput {
  const tag = randomUUID().slice(0, 8);
  return {
    fullName: `Casey Example ${tag}`,
    email: `casey.${tag}@example.org`,
    phone: "+1 415 555 0100",
    claimedCity: "Portland",
    claimedRegion: "OR",
    claimedCountry: "US",
    ...overrides,
  };
}
