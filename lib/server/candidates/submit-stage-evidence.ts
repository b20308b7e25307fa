import "server-only";
import { AppError } from "@/lib/errors";
import type { Stage } from "@/lib/schemas/candidate";
import { profileInputSchema } from "@/lib/schemas/profile";
import type { RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { fieldErrorsOf } from "../action-client";
import { submitCandidate } from "../screening/submit-candidate";

export type SubmitStageEvidenceOptions = {
  actor: Actor;
  candidateId: string;
  stage: Stage;
  /** The JSON the stage form built: the profile sections this stage owns. */
  payload: string;
  idempotencyKey: string;
  meta?: RequestMeta;
};

/** A stage form's evidence: validated with the API's profile schema (errors keyed by field path), then screened. */
export async function submitStageEvidence({ actor, candidateId, stage, payload, idempotencyKey, meta }: SubmitStageEvidenceOptions) {
  assertPermission(actor, "candidates.update");
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new AppError("VALIDATION", "The form could not be read; reload the page and try again.");
  }
  const parsed = profileInputSchema.safeParse(json);
  if (!parsed.success) throw new AppError("VALIDATION", undefined, { fieldErrors: fieldErrorsOf(parsed.error) });
  return submitCandidate({ actor, candidateId, submission: { stage, profile: parsed.data }, idempotencyKey, trigger: "form", meta });
}
