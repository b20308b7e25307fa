import "server-only";
import type { CandidateCreateInput } from "@/lib/schemas/candidate";
import type { RequestMeta } from "../audit/record-audit-event";
import type { Actor } from "../auth/authorization";
import { submitCandidate } from "../screening/submit-candidate";

export type CreateCandidateOptions = {
  actor: Actor;
  input: CandidateCreateInput;
  /** One per rendered form: a double submit or a retry returns the first result. */
  idempotencyKey: string;
  meta?: RequestMeta;
};

/** The quick-add form: identity, contact and claimed location, screened like every other submit. */
export async function createCandidate({ actor, input, idempotencyKey, meta }: CreateCandidateOptions) {
  const result = await submitCandidate({
    actor,
    idempotencyKey,
    meta,
    trigger: "form",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: {
          legalName: input.fullName,
          email: input.email,
          phone: input.phone ?? null,
          claimedLocation: { city: input.claimedCity ?? null, region: input.claimedRegion ?? null, country: input.claimedCountry ?? null },
        },
      },
    },
  });
  return { id: result.candidateId, replayed: result.replayed, screeningId: result.screeningId };
}
