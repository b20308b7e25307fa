// Test helper: writes a candidate's linkage rows the way the screening write path does (ADR 0006), through Prisma,
// so the link lookups can be tested on hand-made data without screening anyone.
import type { Tx } from "@/lib/server/db";
import { toIdentifierRows, type LinkageInput } from "@/lib/server/linkage/linkage-input";
import { resumeBands } from "@/lib/server/linkage/resume-bands";

export type RecordCandidateLinkageOptions = {
  candidateId: string;
  input: LinkageInput;
};

/**
 * Stores what the candidate presented so later screenings can find shared identifiers. Runs in the caller's
 * transaction (screening writes candidate, screening, audit and linkage together); the caller has authorised it.
 *
 * Identifiers are only ever added: once presented they stay as evidence, and an existing row keeps its
 * `created_at` (the first time this candidate presented it — first-seen dates are built from it). The résumé row
 * is replaced when a new text is given. Recording the same input twice changes nothing.
 */
export async function recordCandidateLinkage(tx: Tx, { candidateId, input }: RecordCandidateLinkageOptions) {
  const rows = toIdentifierRows(input);
  let identifiersAdded = 0;
  if (rows.length > 0) {
    const { count } = await tx.candidateIdentifier.createMany({
      data: rows.map((row) => ({ candidateId, kind: row.kind, value: row.value, last4: row.last4 })),
      skipDuplicates: true,
    });
    identifiersAdded = count;
  }
  const resumeText = typeof input.resumeText === "string" ? input.resumeText.trim() : "";
  if (resumeText) {
    const bands = resumeBands(resumeText);
    await tx.candidateResume.upsert({
      where: { candidateId },
      create: { candidateId, text: resumeText, bands },
      update: { text: resumeText, bands },
    });
  }
  return { identifierCount: rows.length, identifiersAdded, resumeRecorded: resumeText.length > 0 };
}
