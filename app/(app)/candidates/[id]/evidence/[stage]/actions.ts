"use server";

import { createAction } from "@/lib/server/action-client";
import { submitStageEvidence } from "@/lib/server/candidates/submit-stage-evidence";
import { stageEvidenceSchema } from "@/lib/schemas/stage-evidence";

export const submitStageEvidenceAction = createAction(
  {
    name: "submitStageEvidence",
    permission: "candidates.update",
    schema: stageEvidenceSchema,
    revalidate: (r: { candidateId: string }) => ["/candidates", `/candidates/${r.candidateId}`],
    redirectTo: (r: { candidateId: string }) => `/candidates/${r.candidateId}?screened=1`,
  },
  async ({ actor, input, meta }) => {
    const result = await submitStageEvidence({ actor, candidateId: input.candidateId, stage: input.stage, payload: input.payload, idempotencyKey: input.idempotencyKey, version: input.version, meta });
    return { candidateId: result.candidateId, screeningId: result.screeningId };
  },
);
