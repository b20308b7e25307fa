import "server-only";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { getDb } from "../db";
import type { Actor } from "./authorization";
import { signOut } from "./config";
import type { SessionRevocationReason } from "./revoke-user-sessions";
import { currentSessionId } from "./session";

/**
 * Ends the current session on the server (the row is revoked, so a copy of the cookie stops working at once), audits
 * it in the same transaction, then clears the cookie.
 */
export async function signOutUser({ actor, meta }: { actor: Actor; meta?: RequestMeta }) {
  const sessionId = await currentSessionId();
  await getDb().$transaction(async (tx) => {
    if (sessionId) {
      await tx.userSession.updateMany({ where: { id: sessionId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "sign_out" satisfies SessionRevocationReason } });
    }
    await recordAuditEvent(tx, { actorId: actor.id, action: "auth.signed_out", subjectType: "User", subjectId: actor.id, meta });
  });
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
