import "server-only";
import type { CandidateSubmission } from "@/lib/schemas/profile";
import type { RequestMeta } from "../audit/record-audit-event";
import type { Actor } from "../auth/authorization";
import { submitCandidates, type ScreeningTrigger, type SubmitCandidateResult } from "./submit-candidates";

export type { ScreeningTrigger, SubmitCandidateResult } from "./submit-candidates";

export type SubmitCandidateOptions = {
  actor: Actor;
  submission: CandidateSubmission;
  /** Update this candidate; otherwise the submission's externalId finds one, or a new candidate is created. */
  candidateId?: string;
  /** A retry with the same key and request changes nothing and returns the first result (see SubmitItem). */
  idempotencyKey?: string;
  /** What the caller asked for, hashed to tell a retry from a reused key (see SubmitItem). */
  request?: unknown;
  /** The candidate's `updatedAt` as the form showed it: a save against a newer version is refused (CONFLICT). */
  expectedVersion?: string;
  trigger?: ScreeningTrigger;
  meta?: RequestMeta;
  /** Screening time (tests pin it; defaults to now). */
  asOf?: Date;
};

/**
 * Screens one submission (form, API, CLI, verification): `submitCandidates` with a single item, its error thrown.
 * Merge, enrich, link, sanctions, evaluate with the published ruleset, and write the candidate, an immutable
 * Screening and an AuditEvent in one transaction.
 */
export async function submitCandidate({ actor, submission, candidateId, idempotencyKey, request, expectedVersion, trigger, meta, asOf }: SubmitCandidateOptions): Promise<SubmitCandidateResult> {
  const [outcome] = await submitCandidates({ actor, items: [{ submission, candidateId, idempotencyKey, request, expectedVersion }], trigger, meta, asOf });
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}
