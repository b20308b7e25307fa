import "server-only";
import type { Tx } from "../db";

export type SessionRevocationReason = "sign_out" | "password_reset" | "role_changed" | "disabled";

/**
 * Ends every open session of a user inside the caller's transaction (with the change that requires it). The bumped
 * `sessionVersion` already refuses older cookies; revoking the rows also keeps the sessions list truthful.
 */
export async function revokeUserSessions(tx: Tx, userId: string, reason: SessionRevocationReason): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  return count;
}
