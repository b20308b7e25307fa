import "server-only";
import { VERIFICATION_STEPS } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { storedProfileSchema, type CandidateSubmission, type VerificationRecord } from "@/lib/schemas/profile";
import type { RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { submitCandidate } from "../screening/submit-candidate";
import { evidenceForVerification } from "./verification-evidence";

export type RecordVerificationOptions = {
  actor: Actor;
  candidateId: string;
  stepId: string;
  outcome: VerificationRecord["outcome"];
  note?: string | null;
  idempotencyKey: string;
  meta?: RequestMeta;
};

/** Marks a recommended verification step done: its outcome becomes evidence and the candidate is screened again. */
export async function recordVerification({ actor, candidateId, stepId, outcome, note, idempotencyKey, meta }: RecordVerificationOptions) {
  assertPermission(actor, "candidates.update");
  if (!(stepId in VERIFICATION_STEPS)) throw new AppError("VALIDATION", "Unknown verification step.", { fieldErrors: { stepId: ["Unknown verification step"] } });
  const row = await getDb().candidate.findUnique({ where: { id: candidateId }, select: { profile: true, stage: true } });
  if (!row) throw new AppError("NOT_FOUND", "No candidate with that id.");
  const profile = storedProfileSchema.parse(row.profile ?? {});
  const record: VerificationRecord = { stepId, outcome, note: note || null, at: new Date().toISOString(), by: actor.name };
  const patch = { ...evidenceForVerification(profile, record), verifications: [...(profile.verifications ?? []), record] };
  const submission = { stage: row.stage, profile: patch } as CandidateSubmission;
  return submitCandidate({ actor, candidateId, submission, idempotencyKey, trigger: "verification", meta });
}
