import "server-only";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

/** Who cases can be assigned to: active security analysts and administrators, by name. */
export async function listCaseAssignees({ actor }: { actor: Actor }): Promise<{ id: string; name: string }[]> {
  assertPermission(actor, "cases.read");
  return getDb().user.findMany({ where: { role: { in: ["SECURITY", "ADMIN"] }, disabled: false }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
