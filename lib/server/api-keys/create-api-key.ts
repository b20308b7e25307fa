import "server-only";
import { AppError } from "@/lib/errors";
import type { ApiKeyCreateInput } from "@/lib/schemas/api";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { API_KEY_PREFIX_LENGTH, generateApiKey, hashApiKey } from "./api-key-secret";

export type CreateApiKeyOptions = {
  actor: Actor;
  /** As parsed by apiKeyCreateSchema; `expiresInDays` defaults to 365. */
  input: Omit<ApiKeyCreateInput, "expiresInDays"> & { expiresInDays?: ApiKeyCreateInput["expiresInDays"] };
  meta?: RequestMeta;
};

export type CreatedApiKey = { id: string; name: string; prefix: string; role: ApiKeyCreateInput["role"]; createdAt: Date; expiresAt: Date | null; key: string };

/**
 * Creates an API key acting with `input.role`'s permissions (capped by its creator's role at the time of each call)
 * on behalf of the admin who made it, expiring after `input.expiresInDays` unless "never". The full key is in
 * the result only: it is stored as a hash and can never be shown again.
 */
export async function createApiKey({ actor, input, meta }: CreateApiKeyOptions): Promise<CreatedApiKey> {
  assertPermission(actor, "apikeys.manage");
  // A key must not mint keys: a leaked admin key could otherwise outlive its own revocation.
  if (actor.via) throw new AppError("FORBIDDEN", "API keys can only be managed by a signed-in administrator.");
  const key = generateApiKey();
  const days = input.expiresInDays ?? "365";
  const expiresAt = days === "never" ? null : new Date(Date.now() + Number(days) * 86_400_000);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { name: input.name, role: input.role, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), hash: hashApiKey(key), createdById: actor.id, expiresAt },
      select: { id: true, name: true, prefix: true, role: true, createdAt: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "apikey.created",
      subjectType: "ApiKey",
      subjectId: created.id,
      after: { name: created.name, prefix: created.prefix, role: created.role, expiresAt: created.expiresAt?.toISOString() ?? null },
      meta,
    });
    return created;
  });
  return { ...row, key };
}
