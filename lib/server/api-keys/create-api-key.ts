import "server-only";
import { AppError } from "@/lib/errors";
import type { ApiKeyCreateInput } from "@/lib/schemas/api";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { API_KEY_PREFIX_LENGTH, generateApiKey, hashApiKey } from "./api-key-secret";

export type CreateApiKeyOptions = { actor: Actor; input: ApiKeyCreateInput; meta?: RequestMeta };

export type CreatedApiKey = { id: string; name: string; prefix: string; role: ApiKeyCreateInput["role"]; createdAt: Date; key: string };

/**
 * Creates an API key acting with `input.role`'s permissions on behalf of the admin who made it. The full key is in
 * the result only: it is stored as a hash and can never be shown again.
 */
export async function createApiKey({ actor, input, meta }: CreateApiKeyOptions): Promise<CreatedApiKey> {
  assertPermission(actor, "apikeys.manage");
  // A key must not mint keys: a leaked admin key could otherwise outlive its own revocation.
  if (actor.via) throw new AppError("FORBIDDEN", "API keys can only be managed by a signed-in administrator.");
  const key = generateApiKey();
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { name: input.name, role: input.role, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), hash: hashApiKey(key), createdById: actor.id },
      select: { id: true, name: true, prefix: true, role: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "apikey.created",
      subjectType: "ApiKey",
      subjectId: created.id,
      after: { name: created.name, prefix: created.prefix, role: created.role },
      meta,
    });
    return created;
  });
  return { ...row, key };
}
