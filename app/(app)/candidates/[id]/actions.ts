"use server";

import { createAction } from "@/lib/server/action-client";
import { recordVerification } from "@/lib/server/candidates/record-verification";
import { recordDecision } from "@/lib/server/decisions/record-decision";
import { decisionSchema } from "@/lib/schemas/decision";
import { verificationStepDoneSchema } from "@/lib/schemas/verification";
import { explainFlagSchema, reviewExplanationSchema } from "@/lib/schemas/explanation";
import { explainFlag } from "@/lib/server/explanations/explain-flag";
import { reviewExplanation, type ReviewExplanationResult } from "@/lib/server/explanations/review-explanation";

export const recordDecisionAction = createAction(
  { name: "recordDecision", permission: "candidates.decide", schema: decisionSchema, revalidate: (d: { candidateId: string }) => [`/candidates/${d.candidateId}`] },
  async ({ actor, input, meta }) => recordDecision({ actor, input, meta }),
);

export const recordVerificationAction = createAction(
  {
    name: "recordVerification",
    permission: "candidates.update",
    schema: verificationStepDoneSchema,
    revalidate: (r: { candidateId: string }) => [`/candidates/${r.candidateId}`],
  },
  async ({ actor, input, meta }) => {
    const result = await recordVerification({ actor, candidateId: input.candidateId, stepId: input.stepId, outcome: input.outcome, note: input.note, idempotencyKey: input.idempotencyKey, version: input.version, meta });
    return { candidateId: result.candidateId, score: result.assessment.score, band: result.assessment.band };
  },
);

export const explainFlagAction = createAction(
  { name: "explainFlag", permission: "flags.explain", schema: explainFlagSchema, revalidate: (r: { candidateId: string }) => [`/candidates/${r.candidateId}`] },
  async ({ actor, input, meta }) => {
    const e = await explainFlag({ actor, input, meta });
    return { candidateId: e.candidateId, explanationId: e.id };
  },
);

export const reviewExplanationAction = createAction(
  {
    name: "reviewExplanation",
    permission: "flags.review",
    schema: reviewExplanationSchema,
    revalidate: (r: { candidateId: string }) => [`/candidates/${r.candidateId}`],
    // The review form is gone once the explanation is decided: the page says what happened (and whether the re-screen ran).
    redirectTo: (r: ReviewExplanationResult) =>
      `/candidates/${r.candidateId}?review=${r.outcome === "REJECTED" ? "rejected" : r.rescreen?.ok ? "accepted" : "accepted-later"}`,
  },
  async ({ actor, input, meta }) => reviewExplanation({ actor, input, meta }),
);
