"use server";

import { createAction } from "@/lib/server/action-client";
import { createCandidate } from "@/lib/server/candidates/create-candidate";
import { candidateCreateFormSchema } from "@/lib/schemas/candidate";

export const createCandidateAction = createAction(
  {
    name: "createCandidate",
    permission: "candidates.create",
    schema: candidateCreateFormSchema,
    revalidate: ["/candidates"],
    redirectTo: (data: { id: string; replayed: boolean; screeningId: string }) => `/candidates/${data.id}?created=1`,
  },
  async ({ actor, input: { idempotencyKey, ...input }, meta }) => createCandidate({ actor, input, idempotencyKey, meta }),
);
