import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/uuid";
import { getDb } from "../db";
import type { Actor } from "./authorization";
import { sessionCredential } from "./authenticate-user";
import { auth } from "./config";
import { SESSION_SEEN_RESOLUTION_MS } from "./session-policy";

export { assertPermission, type Actor } from "./authorization";

/**
 * The signed-in actor, read fresh from the database on each request: the token alone never grants anything. The
 * cookie names a server-side session; the session must exist, not be revoked (sign-out, password reset, role change,
 * disabling) or expired, and the user must be enabled with the same session version as when it was issued.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!session?.user?.id || !isUuid(sessionId)) return null;
  const db = getDb();
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true } },
    },
  });
  const now = Date.now();
  if (!row || row.userId !== session.user.id || row.revokedAt || row.expiresAt.getTime() <= now) return null;
  const { user } = row;
  if (user.disabled || user.sessionVersion !== session.sessionVersion) return null;
  if (now - row.lastSeenAt.getTime() >= SESSION_SEEN_RESOLUTION_MS) {
    // Conditional, so concurrent requests in the same minute write once; informational, so never awaited for errors.
    await db.userSession
      .updateMany({ where: { id: sessionId, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: new Date(now) } })
      .catch(() => {});
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, credential: sessionCredential(sessionId) };
});

/** The id of the server-side session behind the current request's cookie, if any (for signing out). */
export async function currentSessionId(): Promise<string | null> {
  const session = await auth();
  return isUuid(session?.sessionId) ? session.sessionId : null;
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}
