import "server-only";
import type { CandidateSubmission } from "@/lib/schemas/profile";
import type { RequestMeta } from "../audit/record-audit-event";
import type { Actor } from "../auth/authorization";
import { submitCandidate, type SubmitCandidateResult } from "../screening/submit-candidate";

export type SubmitCandidateViaApiOptions = {
  actor: Actor;
  submission: CandidateSubmission;
  /** The client's Idempotency-Key header (already validated: 1–200 characters). */
  idempotencyKey?: string;
  meta?: RequestMeta;
};

/**
 * `POST /api/v1/candidates`: the same submit path as every other channel (trigger "api"), with the client's
 * Idempotency-Key scoped to its API key — a replay answers exactly as the first request did, including whether it
 * created the candidate.
 */
export async function submitCandidateViaApi({ actor, submission, idempotencyKey, meta }: SubmitCandidateViaApiOptions): Promise<SubmitCandidateResult> {
  return submitCandidate({
    actor,
    submission,
    // Idempotency keys are one namespace across the app: scope the client's key to this API key (or user) so two
    // clients that both send "retry-1" never see each other's results.
    idempotencyKey: idempotencyKey === undefined ? undefined : `api:${actor.via ? `key:${actor.via.apiKeyId}` : `user:${actor.id}`}:${idempotencyKey}`,
    trigger: "api",
    meta,
  });
}
