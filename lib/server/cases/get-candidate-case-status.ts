import "server-only";
import { recruiterCaseView, type CaseStatus, type RecruiterCaseView } from "@/lib/cases";
import { isUuid } from "@/lib/schemas/uuid";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

/**
 * What anyone who may read the candidate sees of its review case: the status and "proceed / do not proceed" only —
 * never notes, rationale, reason codes or who reviewed it (those need `cases.read`). Null when there is no case.
 */
export async function getCandidateCaseStatus({ actor, candidateId }: { actor: Actor; candidateId: string }): Promise<RecruiterCaseView | null> {
  assertPermission(actor, "candidates.read");
  if (!isUuid(candidateId)) return null;
  const c = await getDb().reviewCase.findFirst({
    where: { candidateId, kind: "CANDIDATE" },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    select: { status: true },
  });
  // An open case first: the unique index allows only one, and it is the one that matters now.
  const open = await getDb().reviewCase.findFirst({ where: { candidateId, kind: "CANDIDATE", status: { in: ["OPEN", "IN_REVIEW", "PENDING_APPROVAL"] } }, select: { status: true } });
  const status = (open ?? c)?.status;
  return status ? recruiterCaseView(status as CaseStatus) : null;
}
