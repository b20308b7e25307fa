import "server-only";
import { AppError } from "@/lib/errors";
import { roleHasPermission, SESSION_ONLY_PERMISSIONS, type Permission, type Role } from "@/lib/permissions";

/** How an API key acts: its own role, capped by its creator's role today. */
export type ApiKeyCredential = {
  apiKeyId: string;
  apiKeyName: string;
  /** The key's prefix ("hrs_AbCd"), as audit rows record it. */
  apiKeyPrefix: string;
  /** The creator's role now (re-read on every request): a key never does more than the person who made it could. */
  creatorRole: Role;
};

/**
 * Who is acting: a signed-in user, or an API key acting with its role's permissions. For a key, `id` is the user who
 * created it (so created-by columns and audit rows stay valid foreign keys) and `via` names the key.
 * `credential` is what audit rows record as the proof used: "session:<first 8 of the session id>" or
 * "api_key:<prefix>"; absent for the system (background jobs, scripts).
 */
export type Actor = { id: string; email: string; name: string; role: Role; via?: ApiKeyCredential; credential?: string };

/** True when `actor` may use `permission`: its role has it and, for an API key, so has its creator's current role. */
export function actorHasPermission(actor: Actor, permission: Permission): boolean {
  if (!roleHasPermission(actor.role, permission)) return false;
  if (!actor.via) return true;
  return !SESSION_ONLY_PERMISSIONS.has(permission) && roleHasPermission(actor.via.creatorRole, permission);
}

/**
 * Fails closed: an unknown permission or a missing role is a refusal. Every use case calls it first. An API key acts
 * with min(its role, its creator's current role) — the intersection of their permissions — and never holds the
 * permissions that manage people or keys (a leaked key must not outlive its own revocation by minting others).
 */
export function assertPermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.via && SESSION_ONLY_PERMISSIONS.has(permission)) {
    throw new AppError("FORBIDDEN", "API keys can't manage users or keys: sign in as an administrator.");
  }
  if (!actorHasPermission(actor, permission)) throw new AppError("FORBIDDEN");
}
