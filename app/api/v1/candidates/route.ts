import { NextResponse } from "next/server";
import { apiSubmitResponseSchema, IDEMPOTENCY_KEY_HEADER, idempotencyKeyHeaderSchema, IDEMPOTENT_REPLAYED_HEADER } from "@/lib/schemas/api";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { submitCandidateViaApi } from "@/lib/server/candidates/submit-candidate-via-api";
import { parseJsonBody, throwFieldError, withRoute } from "@/lib/server/route-handler";

// Creating needs candidates.create; an update by externalId is re-checked (candidates.update) by the use case.
export const POST = withRoute({ name: "apiSubmitCandidate", permission: "candidates.create" }, async ({ actor, request, meta }) => {
  const header = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  let idempotencyKey: string | undefined;
  if (header !== null) {
    const parsed = idempotencyKeyHeaderSchema.safeParse(header);
    if (!parsed.success) throwFieldError(IDEMPOTENCY_KEY_HEADER, parsed.error.issues[0].message);
    idempotencyKey = parsed.data;
  }
  const submission = await parseJsonBody(request, candidateSubmissionSchema);
  const result = await submitCandidateViaApi({ actor, submission, idempotencyKey, meta });
  const body = apiSubmitResponseSchema.parse({
    candidateId: result.candidateId,
    screeningId: result.screeningId,
    created: result.created,
    assessment: result.assessment,
    enrichment: result.enrichment,
  });
  return NextResponse.json(body, {
    status: result.created ? 201 : 200,
    headers: {
      "cache-control": "no-store",
      ...(result.created ? { location: `/api/v1/candidates/${result.candidateId}` } : {}),
      ...(result.replayed ? { [IDEMPOTENT_REPLAYED_HEADER]: "true" } : {}),
    },
  });
});
