import "server-only";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { revokeUserSessions } from "../auth/revoke-user-sessions";
import { getDb } from "../db";
import { loadManagedUser } from "./load-managed-user";

export type SetUserDisabledOptions = { actor: Actor; userId: string; disabled: boolean; meta?: RequestMeta };

export async function setUserDisabled({ actor, userId, disabled, meta }: SetUserDisabledOptions) {
  assertPermission(actor, "users.manage");
  if (userId === actor.id && disabled) throw new AppError("CONFLICT", "You can't disable your own account.");
  return getDb().$transaction(async (tx) => {
    const before = await loadManagedUser(tx, userId);
    if (before.disabled === disabled) return before;
    const after = await tx.user.update({
      where: { id: userId },
      data: { disabled, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, role: true, disabled: true },
    });
    await revokeUserSessions(tx, userId, "disabled");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: disabled ? "user.disabled" : "user.enabled",
      subjectType: "User",
      subjectId: userId,
      before: { disabled: before.disabled },
      after: { disabled },
      meta,
    });
    return after;
  });
}
