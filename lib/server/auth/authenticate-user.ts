import "server-only";
import { getDb } from "../db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDummyHash, verifyPassword } from "./password";
import { countAttempt, isRateLimited } from "./rate-limit";

export type AuthenticateUserOptions = {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
};

// Ten failed attempts per email per minute; signing in successfully costs nothing (people sign in and out all day).
const FAILED_SIGN_INS = { limit: 10, windowMs: 60_000 };

/** Checks email + password; returns the user when they may sign in, null otherwise (never says which part failed). */
export async function authenticateUser({ email, password, ip, userAgent }: AuthenticateUserOptions) {
  const limitKey = `sign-in:${email}`;
  if (isRateLimited(limitKey, FAILED_SIGN_INS)) return null;
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Compare against a dummy hash when the user is missing so response time doesn't reveal registered emails.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok || user.disabled) {
    countAttempt(limitKey, FAILED_SIGN_INS);
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: user?.id ?? null,
        action: "auth.sign_in_failed",
        subjectType: "User",
        subjectId: user?.id ?? null,
        after: { email, reason: !user ? "unknown_email" : user.disabled ? "disabled" : "bad_password" },
        meta: { ip, userAgent },
      }),
    );
    return null;
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "auth.signed_in",
      subjectType: "User",
      subjectId: user.id,
      meta: { ip, userAgent },
    });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
