import "server-only";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

/** The navigation's badge: open cases assigned to me, and open cases nobody has claimed. */
export async function countReviewQueue({ actor }: { actor: Actor }): Promise<{ mine: number; unassigned: number }> {
  assertPermission(actor, "cases.read");
  const [row] = await getDb().$queryRaw<{ mine: number; unassigned: number }[]>`
    SELECT count(*) FILTER (WHERE assignee_id = ${actor.id}::uuid)::int AS mine, count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned
      FROM review_cases WHERE status IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL')`;
  return row ?? { mine: 0, unassigned: 0 };
}
