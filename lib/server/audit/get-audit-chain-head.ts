import "server-only";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

/**
 * The last link of the audit hash chain (ADR 0010): the id and hash of the newest event. Shown on the audit log so
 * an analyst can keep a copy elsewhere — a later `audit:verify` that ends on a different hash for that event means
 * the log was rewritten. Not a verification itself (that is `npm run audit:verify`).
 */
export async function getAuditChainHead({ actor }: { actor: Actor }): Promise<{ lastId: string; lastHash: string } | null> {
  assertPermission(actor, "audit.read");
  const head = await getDb().auditChainHead.findUnique({ where: { singleton: true }, select: { lastId: true, lastHash: true } });
  return head?.lastId == null ? null : { lastId: head.lastId.toString(), lastHash: head.lastHash };
}
