import "server-only";
import type { Actor } from "../auth/authorization";

/**
 * The process itself acting without a signed-in user: the `sanctions:import` CLI run by an operator who already
 * holds the database credentials (so a permission check would protect nothing). It is explicit, never implied: a
 * system actor can only be made here, is recognised by identity (a WeakSet, so no object built from request data
 * can pass for one) and is recorded in the audit trail as `actorId: null` with `via: "system"` and its label.
 * Only use cases that document a system path accept it; everywhere else the `Actor` type refuses it.
 */
export type SystemActor = { readonly kind: "system"; readonly label: string };

const systemActors = new WeakSet<object>();

export function createSystemActor(label: string): SystemActor {
  const actor: SystemActor = Object.freeze({ kind: "system", label });
  systemActors.add(actor);
  return actor;
}

export function isSystemActor(actor: Actor | SystemActor | null | undefined): actor is SystemActor {
  return actor != null && systemActors.has(actor);
}
