import "server-only";
import { AppError } from "@/lib/errors";
import type { Stage } from "@/lib/schemas/candidate";
import { profileInputSchema } from "@/lib/schemas/profile";
import { unsafeTextFieldErrors } from "@/lib/schemas/text-safety";
import { isUuid } from "@/lib/schemas/uuid";
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
  /** The candidate's `updatedAt` (ISO) when the form was rendered: a save over a newer version is refused. */
  version: string;
  meta?: RequestMeta;
};

/**
 * A stage form's evidence: validated with the API's profile schema (errors keyed by field path), then screened —
 * only if nobody saved the candidate since the form was rendered (otherwise CONFLICT, nothing written, the form
 * keeps the draft).
 */
export async function submitStageEvidence({ actor, candidateId, stage, payload, idempotencyKey, version, meta }: SubmitStageEvidenceOptions) {
  assertPermission(actor, "candidates.update");
  if (!isUuid(candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new AppError("VALIDATION", "The form could not be read; reload the page and try again.");
  }
  // The payload is JSON, so a NUL or a lone surrogate arrives escaped (\u0000) and only appears once it is parsed:
  // the form fields' own check can't see it. Refused here, beside the field, before anything is written.
  const unsafe = unsafeTextFieldErrors(json);
  if (unsafe) throw new AppError("VALIDATION", undefined, { fieldErrors: unsafe });
  const parsed = profileInputSchema.safeParse(json);
  if (!parsed.success) throw new AppError("VALIDATION", undefined, { fieldErrors: fieldErrorsOf(parsed.error) });
  return submitCandidate({
    actor,
    candidateId,
    submission: { stage, profile: parsed.data },
    idempotencyKey,
    expectedVersion: version,
    request: { form: "stage-evidence", candidateId: candidateId.toLowerCase(), stage, profile: parsed.data, version },
    trigger: "form",
    meta,
  });
}
