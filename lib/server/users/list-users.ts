import "server-only";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

export async function listUsers({ actor }: { actor: Actor }) {
  assertPermission(actor, "users.manage");
  return getDb().user.findMany({
    orderBy: [{ disabled: "asc" }, { role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabled: true, lastSignInAt: true, createdAt: true },
  });
}
