import { NextResponse } from "next/server";
import { apiCandidateResponseSchema } from "@/lib/schemas/api";
import { getCandidateSummary } from "@/lib/server/candidates/get-candidate-summary";
import { withRoute } from "@/lib/server/route-handler";

export const GET = withRoute({ name: "apiGetCandidate", permission: "candidates.read" }, async ({ actor, params, meta }) => {
  const candidate = await getCandidateSummary({ actor, candidateId: String(params.id), meta });
  const body = apiCandidateResponseSchema.parse({
    candidate: { ...candidate, createdAt: candidate.createdAt.toISOString(), updatedAt: candidate.updatedAt.toISOString() },
  });
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
});
