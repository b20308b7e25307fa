import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Permission } from "@/lib/permissions";
import { roleHasPermission } from "@/lib/permissions";
import { getActor, type Actor } from "./session";

/**
 * For pages: the signed-in actor, or a redirect to sign-in; a 403 page when the role lacks `permission`.
 * Pages only decide what to render — the use cases they call check authorization again on the resource.
 */
export async function requirePageActor(permission?: Permission, returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (permission && !roleHasPermission(actor.role, permission)) forbidden();
  return actor;
}
