import "server-only";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

export type RevokeApiKeyOptions = { actor: Actor; keyId: string; meta?: RequestMeta };

/** Revokes a key at once (the next request with it gets 401). Revoking a revoked key changes nothing. */
export async function revokeApiKey({ actor, keyId, meta }: RevokeApiKeyOptions) {
  assertPermission(actor, "apikeys.manage");
  if (actor.via) throw new AppError("FORBIDDEN", "API keys can only be managed by a signed-in administrator.");
  return getDb().$transaction(async (tx) => {
    const select = { id: true, name: true, prefix: true, revokedAt: true } as const;
    const before = await tx.apiKey.findUnique({ where: { id: keyId }, select });
    if (!before) throw new AppError("NOT_FOUND", "No API key with that id.");
    if (before.revokedAt) return before;
    // The condition makes a concurrent double revoke write one audit row, not two.
    const { count } = await tx.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: new Date() } });
    const after = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, select });
    if (count === 1) {
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "apikey.revoked",
        subjectType: "ApiKey",
        subjectId: keyId,
        before: { name: before.name, prefix: before.prefix, revokedAt: null },
        after: { revokedAt: after.revokedAt!.toISOString() },
        meta,
      });
    }
    return after;
  });
}
