import "server-only";
import { VERIFICATION_STEPS } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { storedProfileSchema, type CandidateSubmission, type VerificationRecord } from "@/lib/schemas/profile";
import type { RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { isUuid } from "@/lib/schemas/uuid";
import { submitCandidate } from "../screening/submit-candidate";
import { evidenceForVerification } from "./verification-evidence";

export type RecordVerificationOptions = {
  actor: Actor;
  candidateId: string;
  stepId: string;
  outcome: VerificationRecord["outcome"];
  note?: string | null;
  idempotencyKey: string;
  /** The candidate's `updatedAt` (ISO) when the page was rendered: recording over a newer version is refused. */
  version: string;
  meta?: RequestMeta;
};

/**
 * Marks a recommended verification step done: its outcome becomes evidence and the candidate is screened again —
 * only if nobody saved the candidate since the page was rendered (the step was recommended for what the person saw).
 */
export async function recordVerification({ actor, candidateId, stepId, outcome, note, idempotencyKey, version, meta }: RecordVerificationOptions) {
  assertPermission(actor, "candidates.update");
  if (!Object.hasOwn(VERIFICATION_STEPS, stepId)) throw new AppError("VALIDATION", "Unknown verification step.", { fieldErrors: { stepId: ["Unknown verification step"] } });
  if (!isUuid(candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  const row = await getDb().candidate.findUnique({ where: { id: candidateId }, select: { profile: true, stage: true } });
  if (!row) throw new AppError("NOT_FOUND", "No candidate with that id.");
  const profile = storedProfileSchema.parse(row.profile ?? {});
  const record: VerificationRecord = { stepId, outcome, note: note || null, at: new Date().toISOString(), by: actor.name };
  const patch = { ...evidenceForVerification(profile, record), verifications: [...(profile.verifications ?? []), record] };
  const submission = { stage: row.stage, profile: patch } as CandidateSubmission;
  // The record carries the time it was made, so the request hashed for the key is what the person sent.
  const request = { form: "verification", candidateId: candidateId.toLowerCase(), stepId, outcome, note: note || null, version };
  return submitCandidate({ actor, candidateId, submission, idempotencyKey, request, expectedVersion: version, trigger: "verification", meta });
}
