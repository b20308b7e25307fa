import "server-only";
import { CredentialsSignin } from "next-auth";
import { getDb } from "../db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDummyHash, verifyPassword } from "./password";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";
import { checkSignInThrottle, recordFailedSignIn, recordSuccessfulSignIn } from "./sign-in-throttle";

export type AuthenticateUserOptions = {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
};

/** Auth.js's way to say why a sign-in failed: the code reaches `signInUser` (and the sign-in URL), never the password. */
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * Checks email + password; returns the user and a new server-side session when they may sign in, null otherwise
 * (never says which part failed). Throttled per account and address, per address and per account
 * (sign-in-throttle.ts); a throttled attempt is refused before the password is checked, and audited like a failure.
 */
export async function authenticateUser({ email, password, ip, userAgent }: AuthenticateUserOptions) {
  const db = getDb();
  const throttle = checkSignInThrottle(email, ip);
  if (throttle.limited) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: null,
        action: "auth.sign_in_refused",
        subjectType: "User",
        subjectId: null,
        after: { email, reason: "rate_limited", scope: throttle.scope, retryAfterSeconds: throttle.retryAfterSeconds },
        meta: { ip, userAgent },
      }),
    );
    throw new SignInThrottled(throttle.retryAfterSeconds);
  }
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Compare against a dummy hash when the user is missing so response time doesn't reveal registered emails.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok || user.disabled) {
    recordFailedSignIn(email, ip);
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
  recordSuccessfulSignIn(email, ip);
  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    const created = await tx.userSession.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000), ip: ip?.slice(0, 100) ?? null, userAgent: userAgent?.slice(0, 500) ?? null },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "auth.signed_in",
      subjectType: "User",
      subjectId: user.id,
      meta: { ip, userAgent, credential: sessionCredential(created.id) },
    });
    return created;
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId: session.id };
}

/** What audit rows record for a session: its id's first 8 characters (enough to tell sessions apart, not to use one). */
export function sessionCredential(sessionId: string): string {
  return `session:${sessionId.slice(0, 8)}`;
}
