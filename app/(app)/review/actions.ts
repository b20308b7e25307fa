"use server";

import { createAction } from "@/lib/server/action-client";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { assignReviewCases } from "@/lib/server/cases/assign-review-cases";
import { proposeCaseClosure } from "@/lib/server/cases/propose-case-closure";
import { reviewCaseClosure } from "@/lib/server/cases/review-case-closure";
import { startCaseReview } from "@/lib/server/cases/start-case-review";
import { assignCasesSchema, caseNoteSchema, proposeCaseClosureSchema, reviewCaseClosureSchema, startCaseReviewSchema } from "@/lib/schemas/case";

export const assignCasesAction = createAction(
  { name: "assignCases", permission: "cases.manage", schema: assignCasesSchema, revalidate: (r: { caseIds: string[] }) => ["/review", ...r.caseIds.map((id) => `/review/${id}`)] },
  async ({ actor, input, meta }) => assignReviewCases({ actor, input, meta }),
);

export const addCaseNoteAction = createAction(
  { name: "addCaseNote", permission: "cases.manage", schema: caseNoteSchema, revalidate: (r: { caseId: string }) => [`/review/${r.caseId}`] },
  async ({ actor, input, meta }) => {
    const note = await addCaseNote({ actor, input, meta });
    return { caseId: note.caseId, noteId: note.id };
  },
);

export const startCaseReviewAction = createAction(
  { name: "startCaseReview", permission: "cases.manage", schema: startCaseReviewSchema, revalidate: (r: { caseId: string }) => ["/review", `/review/${r.caseId}`] },
  async ({ actor, input, meta }) => startCaseReview({ actor, caseId: input.caseId, meta }),
);

export const proposeCaseClosureAction = createAction(
  {
    name: "proposeCaseClosure",
    permission: "cases.manage",
    schema: proposeCaseClosureSchema,
    revalidate: (r: { caseId: string; candidateId: string }) => ["/review", `/review/${r.caseId}`, `/candidates/${r.candidateId}`],
  },
  async ({ actor, input, meta }) => proposeCaseClosure({ actor, input, meta }),
);

export const reviewCaseClosureAction = createAction(
  {
    name: "reviewCaseClosure",
    permission: "cases.manage",
    schema: reviewCaseClosureSchema,
    revalidate: (r: { caseId: string; candidateId: string }) => ["/review", `/review/${r.caseId}`, `/candidates/${r.candidateId}`],
  },
  async ({ actor, input, meta }) => reviewCaseClosure({ actor, input, meta }),
);
