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
  return (await readCaseStatus(actor, candidateId))?.view ?? null;
}

/** The same for a reviewer (`cases.read`), with the case's id to link to. */
export async function getCandidateCaseLink({ actor, candidateId }: { actor: Actor; candidateId: string }): Promise<(RecruiterCaseView & { caseId: string }) | null> {
  assertPermission(actor, "cases.read");
  const found = await readCaseStatus(actor, candidateId);
  return found ? { ...found.view, caseId: found.caseId } : null;
}

async function readCaseStatus(actor: Actor, candidateId: string): Promise<{ view: RecruiterCaseView; caseId: string } | null> {
  assertPermission(actor, "candidates.read");
  if (!isUuid(candidateId)) return null;
  const c = await getDb().reviewCase.findFirst({
    where: { candidateId, kind: "CANDIDATE" },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true },
  });
  // An open case first: the unique index allows only one, and it is the one that matters now.
  const open = await getDb().reviewCase.findFirst({ where: { candidateId, kind: "CANDIDATE", status: { in: ["OPEN", "IN_REVIEW", "PENDING_APPROVAL"] } }, select: { id: true, status: true } });
  const found = open ?? c;
  return found ? { view: recruiterCaseView(found.status as CaseStatus), caseId: found.id } : null;
}
