import "server-only";
import { AppError } from "@/lib/errors";
import type { Tx } from "../db";

/** Loads the user an admin is about to change, inside the transaction that changes it. */
export async function loadManagedUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabled: true } });
  if (!user) throw new AppError("NOT_FOUND", "No user with that id.");
  return user;
}
