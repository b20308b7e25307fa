import { NextResponse } from "next/server";
import { apiScreeningListResponseSchema } from "@/lib/schemas/api";
import { listCandidateScreenings } from "@/lib/server/candidates/list-candidate-screenings";
import { withRoute } from "@/lib/server/route-handler";

export const GET = withRoute({ name: "apiListCandidateScreenings", permission: "candidates.read" }, async ({ actor, params, meta }) => {
  const screenings = await listCandidateScreenings({ actor, candidateId: String(params.id), meta });
  const body = apiScreeningListResponseSchema.parse({
    screenings: screenings.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
  });
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
});
