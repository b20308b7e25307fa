import "server-only";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/uuid";
import type { CaseStatus } from "@/lib/cases";
import type { Tx } from "../db";

export type LockedCase = {
  id: string;
  candidateId: string;
  status: CaseStatus;
  assigneeId: string | null;
  latestBand: string;
  latestScore: number;
  latestScreeningId: string | null;
  linkedCandidateIds: string[];
};

/**
 * Locks a candidate case for a transition, in the order the screening write takes its locks: the candidate row
 * first (the screening write updates it before it touches the case), then the case. So a transition and a screening
 * of the same candidate never interleave, and two analysts acting on one case queue behind each other and each sees
 * the other's result (e.g. the second approval of the same closure finds the case closed).
 */
export async function lockReviewCase(tx: Tx, caseId: string): Promise<LockedCase> {
  if (!isUuid(caseId)) throw new AppError("NOT_FOUND", "No review case with that id.");
  const [found] = await tx.$queryRaw<{ candidate_id: string | null }[]>`SELECT candidate_id FROM review_cases WHERE id = ${caseId}::uuid`;
  if (!found?.candidate_id) throw new AppError("NOT_FOUND", "No review case with that id.");
  await tx.$queryRaw`SELECT 1 FROM candidates WHERE id = ${found.candidate_id}::uuid FOR NO KEY UPDATE`;
  const [row] = await tx.$queryRaw<
    { id: string; candidate_id: string; status: CaseStatus; assignee_id: string | null; latest_band: string; latest_score: number; latest_screening_id: string | null; linked_candidate_ids: string[] }[]
  >`SELECT id, candidate_id, status, assignee_id, latest_band, latest_score, latest_screening_id, linked_candidate_ids
      FROM review_cases WHERE id = ${caseId}::uuid FOR NO KEY UPDATE`;
  return {
    id: row.id,
    candidateId: row.candidate_id,
    status: row.status,
    assigneeId: row.assignee_id,
    latestBand: row.latest_band,
    latestScore: row.latest_score,
    latestScreeningId: row.latest_screening_id,
    linkedCandidateIds: row.linked_candidate_ids ?? [],
  };
}
