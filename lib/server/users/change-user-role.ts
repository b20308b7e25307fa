import "server-only";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { revokeUserSessions } from "../auth/revoke-user-sessions";
import { getDb } from "../db";
import { loadManagedUser } from "./load-managed-user";

export type ChangeUserRoleOptions = { actor: Actor; userId: string; role: Role; meta?: RequestMeta };

export async function changeUserRole({ actor, userId, role, meta }: ChangeUserRoleOptions) {
  assertPermission(actor, "users.manage");
  if (userId === actor.id && role !== "ADMIN") {
    throw new AppError("CONFLICT", "You can't remove your own administrator role; ask another administrator.");
  }
  return getDb().$transaction(async (tx) => {
    const before = await loadManagedUser(tx, userId);
    if (before.role === role) return before;
    // A role change ends the user's current sessions (sessionVersion), so the new role applies at once.
    const after = await tx.user.update({
      where: { id: userId },
      data: { role, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, role: true, disabled: true },
    });
    await revokeUserSessions(tx, userId, "role_changed");
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.role_changed", subjectType: "User", subjectId: userId, before: { role: before.role }, after: { role }, meta });
    return after;
  });
}
