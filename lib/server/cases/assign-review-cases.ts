import "server-only";
import { AppError } from "@/lib/errors";
import { isOpenCaseStatus } from "@/lib/cases";
import type { AssignCasesInput } from "@/lib/schemas/case";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { actorHasPermission, assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { lockReviewCase } from "./lock-review-case";

export type AssignReviewCasesOptions = { actor: Actor; input: AssignCasesInput; meta?: RequestMeta };

/**
 * Claim ("me"), assign to another analyst or admin, or unassign ("") one or several open cases, all or nothing, one
 * audit event per case whose assignee changed. Closed cases are refused (CONFLICT), as is an assignee who can't work
 * cases (a recruiter, a disabled user).
 */
export async function assignReviewCases({ actor, input, meta }: AssignReviewCasesOptions) {
  assertPermission(actor, "cases.manage");
  const ids = [...new Set(input.caseIds.map((id) => id.toLowerCase()))].sort();
  const assigneeId = input.assignee === "me" ? actor.id : input.assignee || null;
  return getDb().$transaction(async (tx) => {
    if (assigneeId && assigneeId !== actor.id) {
      const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { id: true, role: true, disabled: true, email: true, name: true } });
      if (!user || user.disabled || !actorHasPermission({ ...user }, "cases.manage")) {
        throw new AppError("VALIDATION", "Cases can only be assigned to an active security analyst or administrator.", { fieldErrors: { assignee: ["Choose an active security analyst or administrator"] } });
      }
    }
    let changed = 0;
    // Sorted ids: two bulk assignments over overlapping cases lock them in the same order (no deadlock).
    for (const id of ids) {
      const c = await lockReviewCase(tx, id);
      if (!isOpenCaseStatus(c.status)) throw new AppError("CONFLICT", "A closed case can't be assigned. Nothing was changed.");
      if (c.assigneeId === assigneeId) continue;
      await tx.reviewCase.update({ where: { id }, data: { assigneeId, updatedAt: new Date() } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "case.assigned",
        subjectType: "ReviewCase",
        subjectId: id,
        before: { assigneeId: c.assigneeId },
        after: { assigneeId, candidateId: c.candidateId, claimed: assigneeId === actor.id },
        meta,
      });
      changed++;
    }
    return { caseIds: ids, assigneeId, changed };
  });
}
