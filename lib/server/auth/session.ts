import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getDb } from "../db";
import type { Actor } from "./authorization";
import { auth } from "./config";

export { assertPermission, type Actor } from "./authorization";

/** The signed-in actor, read fresh from the database on each request: the token alone never grants a role. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}
