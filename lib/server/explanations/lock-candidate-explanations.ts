import "server-only";
import type { Tx } from "../db";

/**
 * Serialises explanation writes for one candidate until the transaction ends (a transaction-level advisory lock), so
 * two people explaining the same hit, or two reviewers deciding the same explanation, take turns and the second one
 * sees what the first wrote.
 */
export async function lockCandidateExplanations(tx: Tx, candidateId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`flag_explanations:${candidateId}`}))::text AS locked`;
}
