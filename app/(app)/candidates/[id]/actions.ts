"use server";

import { createAction } from "@/lib/server/action-client";
import { recordDecision } from "@/lib/server/decisions/record-decision";
import { decisionSchema } from "@/lib/schemas/decision";

export const recordDecisionAction = createAction(
  { name: "recordDecision", permission: "candidates.decide", schema: decisionSchema, revalidate: (d: { candidateId: string }) => [`/candidates/${d.candidateId}`] },
  async ({ actor, input, meta }) => recordDecision({ actor, input, meta }),
);
