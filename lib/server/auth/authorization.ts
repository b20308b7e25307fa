import "server-only";
import { AppError } from "@/lib/errors";
import { roleHasPermission, type Permission, type Role } from "@/lib/permissions";

/**
 * Who is acting: a signed-in user, or an API key acting with its role's permissions. For a key, `id` is the user who
 * created it (so created-by columns and audit rows stay valid foreign keys) and `via` names the key.
 */
export type Actor = { id: string; email: string; name: string; role: Role; via?: { apiKeyId: string; apiKeyName: string } };

/** Fails closed: an unknown permission or a missing role is a refusal. Every use case calls it first. */
export function assertPermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!roleHasPermission(actor.role, permission)) throw new AppError("FORBIDDEN");
}
