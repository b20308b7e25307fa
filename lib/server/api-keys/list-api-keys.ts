import "server-only";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

/** Every key, active first, newest first. Never the hash. */
export async function listApiKeys({ actor }: { actor: Actor }) {
  assertPermission(actor, "apikeys.manage");
  const keys = await getDb().apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  const now = Date.now();
  const withStatus = keys.map((k) => ({ ...k, expired: k.expiresAt !== null && k.expiresAt.getTime() <= now }));
  return [...withStatus.filter((k) => !k.revokedAt), ...withStatus.filter((k) => k.revokedAt)];
}
