import "server-only";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { assertPermission, type Actor } from "../auth/authorization";
import { revokeUserSessions } from "../auth/revoke-user-sessions";
import { getDb } from "../db";
import { loadManagedUser } from "./load-managed-user";

export type ResetUserPasswordOptions = { actor: Actor; userId: string; password: string; meta?: RequestMeta };

export async function resetUserPassword({ actor, userId, password, meta }: ResetUserPasswordOptions) {
  assertPermission(actor, "users.manage");
  const passwordHash = await hashPassword(password);
  await getDb().$transaction(async (tx) => {
    await loadManagedUser(tx, userId);
    // Signs the user out everywhere: old sessions carry the old sessionVersion.
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeUserSessions(tx, userId, "password_reset");
    // The audit row records that a reset happened, never the password or its hash.
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.password_reset", subjectType: "User", subjectId: userId, meta });
  });
}
