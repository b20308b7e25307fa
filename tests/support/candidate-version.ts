// The version a form carries: the candidate's updatedAt as the page rendered it.
import { getDb } from "@/lib/server/db";

export async function candidateVersion(candidateId: string): Promise<string> {
  const row = await getDb().candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { updatedAt: true } });
  return row.updatedAt.toISOString();
}
