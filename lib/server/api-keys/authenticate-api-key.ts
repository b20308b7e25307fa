import "server-only";
import { API_KEY_PATTERN } from "@/lib/schemas/api";
import type { Actor } from "../auth/authorization";
import type { Role } from "@/lib/permissions";
import { getDb } from "../db";
import { sqlQuery } from "../db/sql";
import { hashApiKey } from "./api-key-secret";

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdBy: { id: string; email: string; disabled: boolean; role: Role };
};

const KEY_SQL = `
  SELECT k.id::text AS id, k.name, k.prefix, k.role::text AS role, k.revoked_at AS "revokedAt", k.expires_at AS "expiresAt",
         k.last_used_at AS "lastUsedAt",
         json_build_object('id', u.id, 'email', u.email, 'disabled', u.disabled, 'role', u.role) AS "createdBy"
  FROM api_keys k JOIN users u ON u.id = k.created_by_id
  WHERE k.hash = $1`;

/** lastUsedAt is informational: writing it on every request would double the API's write load. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor an API key acts as, or null for an unknown, malformed, revoked or expired key, or one whose creator has
 * been disabled. The key acts on behalf of its creator with min(its role, the creator's current role) — see
 * `assertPermission` — so demoting the person who made a key demotes the key: `id` is the creator's user id (so
 * created-by columns and audit rows name a real user), `via` names the key and `credential` its prefix.
 */
export async function authenticateApiKey(rawKey: string): Promise<Actor | null> {
  if (!API_KEY_PATTERN.test(rawKey)) return null;
  const db = getDb();
  // Every API request asks this: one prepared statement rather than a Prisma query (docs/benchmarks.md, API).
  const [key] = await sqlQuery()<KeyRow>(KEY_SQL, [hashApiKey(rawKey)]);
  const now = new Date();
  if (!key || key.revokedAt || key.createdBy.disabled) return null;
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests in the same minute write once.
    await db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] }, data: { lastUsedAt: now } });
  }
  return {
    id: key.createdBy.id,
    email: key.createdBy.email,
    name: `API key "${key.name}"`,
    role: key.role,
    via: { apiKeyId: key.id, apiKeyName: key.name, apiKeyPrefix: key.prefix, creatorRole: key.createdBy.role },
    credential: `api_key:${key.prefix}`,
  };
}
