import "server-only";
import type { AcceptedExplanation } from "./apply-accepted-explanations";

const ACCEPTED_EXPLANATIONS_SQL = `
  SELECT e.id::text AS id, e.candidate_id::text AS "candidateId", e.rule_id AS "ruleId", e.evidence_fingerprint AS fingerprint,
         e.explanation, e.reference, cu.name AS "explainedBy", e.created_at AS "explainedAt", ru.name AS "acceptedBy",
         r.created_at AS "acceptedAt", r.note
  FROM flag_explanations e
  JOIN flag_explanation_reviews r ON r.explanation_id = e.id AND r.outcome = 'ACCEPTED'
  JOIN users cu ON cu.id = e.created_by_id
  JOIN users ru ON ru.id = r.reviewer_id
  WHERE e.candidate_id = ANY ($1::uuid[])`;

type Row = Omit<AcceptedExplanation, "explainedAt" | "acceptedAt"> & { explainedAt: Date | string; acceptedAt: Date | string };

/**
 * The accepted explanations of some candidates, by candidate id (one set-based query). `run` is the caller's query
 * function (the screening write path's transaction, or Prisma's raw query for the ruleset preview).
 */
export async function readAcceptedExplanations(
  run: (sql: string, params: unknown[]) => Promise<unknown[]>,
  candidateIds: readonly string[],
): Promise<Map<string, AcceptedExplanation[]>> {
  const out = new Map<string, AcceptedExplanation[]>();
  if (candidateIds.length === 0) return out;
  const rows = (await run(ACCEPTED_EXPLANATIONS_SQL, [candidateIds])) as Row[];
  for (const r of rows) {
    const list = out.get(r.candidateId) ?? [];
    list.push({ ...r, explainedAt: new Date(r.explainedAt).toISOString(), acceptedAt: new Date(r.acceptedAt).toISOString() });
    out.set(r.candidateId, list);
  }
  return out;
}
