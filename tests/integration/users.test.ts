import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/authorization";
import { authenticateUser } from "@/lib/server/auth/authenticate-user";
import { getDb } from "@/lib/server/db";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { setUserDisabled } from "@/lib/server/users/set-user-disabled";
import { createTestUser, TEST_PASSWORD } from "../support/factories";

let admin: Actor;
let recruiter: Actor;
const meta = { ip: null, userAgent: "vitest" };

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  recruiter = await createTestUser("RECRUITER");
});

async function userRow(id: string) {
  return getDb().user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
}

describe("user management", () => {
  it("creates a user with a hashed password and an audit event", async () => {
    const user = await createUser({ actor: admin, input: { email: "new.analyst@example.com", name: "New Analyst", role: "SECURITY", password: "a-long-enough-password" }, meta });
    const row = await userRow(user.id);
    expect(row.role).toBe("SECURITY");
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain("a-long-enough-password");
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: user.id, action: "user.created" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain("password");
  });

  it("reports a duplicate email as a field error", async () => {
    await expect(
      createUser({ actor: admin, input: { email: recruiter.email, name: "Dup", role: "RECRUITER", password: "a-long-enough-password" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: ["A user with that email already exists"] } });
  });

  it("refuses every user-management use case to a recruiter", async () => {
    const target = await createTestUser("SECURITY");
    await expect(listUsers({ actor: recruiter })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createUser({ actor: recruiter, input: { email: "x@example.com", name: "X", role: "ADMIN", password: "a-long-enough-password" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeUserRole({ actor: recruiter, userId: recruiter.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserDisabled({ actor: recruiter, userId: target.id, disabled: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetUserPassword({ actor: recruiter, userId: target.id, password: "another-long-password" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await userRow(recruiter.id)).role).toBe("RECRUITER");
    expect((await userRow(target.id)).disabled).toBe(false);
    expect(await getDb().user.count({ where: { email: "x@example.com" } })).toBe(0);
  });

  it("changes a role, ends the user's sessions and audits before/after", async () => {
    const target = await createTestUser("RECRUITER");
    const before = await userRow(target.id);
    await changeUserRole({ actor: admin, userId: target.id, role: "SECURITY", meta });
    const after = await userRow(target.id);
    expect(after.role).toBe("SECURITY");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: target.id, action: "user.role_changed" } });
    expect(audit.before).toEqual({ role: "RECRUITER" });
    expect(audit.after).toEqual({ role: "SECURITY" });
  });

  it("does not let an admin demote or disable themselves", async () => {
    await expect(changeUserRole({ actor: admin, userId: admin.id, role: "RECRUITER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserDisabled({ actor: admin, userId: admin.id, disabled: true })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a disabled user cannot sign in; re-enabled they can", async () => {
    const target = await createTestUser("RECRUITER");
    const creds = { email: target.email, password: TEST_PASSWORD, ip: null, userAgent: null };
    expect(await authenticateUser(creds)).toMatchObject({ id: target.id });
    await setUserDisabled({ actor: admin, userId: target.id, disabled: true });
    expect(await authenticateUser(creds)).toBeNull();
    await setUserDisabled({ actor: admin, userId: target.id, disabled: false });
    expect(await authenticateUser(creds)).toMatchObject({ id: target.id });
  });

  it("a password reset replaces the old password", async () => {
    const target = await createTestUser("SECURITY");
    await resetUserPassword({ actor: admin, userId: target.id, password: "the-new-password-123", meta });
    expect(await authenticateUser({ email: target.email, password: TEST_PASSWORD, ip: null, userAgent: null })).toBeNull();
    expect(await authenticateUser({ email: target.email, password: "the-new-password-123", ip: null, userAgent: null })).toMatchObject({ id: target.id });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: target.id, action: "user.password_reset" } });
    expect(audit.after).toBeNull();
  });

  it("limits failed sign-ins, never successful ones", async () => {
    const target = await createTestUser("RECRUITER");
    const good = { email: target.email, password: TEST_PASSWORD, ip: "203.0.113.44", userAgent: null };
    // People sign in and out all day: twelve successful sign-ins in a minute are all let through.
    for (let i = 0; i < 12; i++) expect(await authenticateUser(good)).toMatchObject({ id: target.id });
    // Five wrong passwords from one address in a minute pause that account there, even with the right password
    // (per address, per account and spraying limits: tests/integration/security.test.ts).
    for (let i = 0; i < 5; i++) expect(await authenticateUser({ ...good, password: `wrong-password-${i}` })).toBeNull();
    await expect(authenticateUser(good)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("records failed sign-ins without saying which part was wrong", async () => {
    expect(await authenticateUser({ email: "nobody@example.com", password: "whatever-it-is", ip: "198.51.100.9", userAgent: null })).toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", ip: "198.51.100.9" } });
    expect(audit.after).toMatchObject({ email: "nobody@example.com", reason: "unknown_email" });
  });
});
