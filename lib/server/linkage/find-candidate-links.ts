import "server-only";
import anyAscii from "any-ascii";
import type { Tx } from "../db";
import type { IdentifierKind } from "../db/generated/enums";
import { resumeShingles, shingleJaccard } from "./resume-bands";

export type LinkedCandidate = { id: string; fullName: string; email: string };

export type SharedIdentifierKind = Exclude<IdentifierKind, "EMPLOYER" | "SHIP_TO">;

export type SharedIdentifier = {
  kind: SharedIdentifierKind;
  /** The normalised value (email, E.164 phone, device, IP, address key); "•••• 1234" for BANK and GOV_ID. */
  display: string;
  /** Up to `othersLimit` other candidates who presented the same value. */
  others: LinkedCandidate[];
  /** How many other candidates presented it; at most `countCap` (then `otherCountCapped`). */
  otherCount: number;
  otherCountCapped: boolean;
  /** Some listed other candidate has a different name: one identifier, several identities. */
  otherNamesDiffer: boolean;
};

export type CandidateLinks = {
  /** Every kind except EMPLOYER and SHIP_TO, strongest kinds first. */
  sharedIdentifiers: SharedIdentifier[];
  /** Résumés with exact 5-word-shingle Jaccard ≥ `resumeThreshold`, most similar first. */
  nearDuplicateResumes: { candidateId: string; fullName: string; similarity: number }[];
  /** The candidate's ship-to address shared with the most other candidates, or null. */
  sharedShipTo: { display: string; others: { id: string; fullName: string }[]; otherCount: number; otherCountCapped: boolean } | null;
  /** Normalised employer names that other candidates also listed, most frequent first. */
  recurringEmployers: { employerName: string; otherCandidateCount: number; otherCountCapped: boolean }[];
  /** Earliest `created_at` across all candidates for this candidate's email / phone values. */
  firstSeen: { email?: Date; phone?: Date };
};

export type FindCandidateLinksOptions = {
  candidateId: string;
  /** Other candidates listed per shared value; default 50. */
  othersLimit?: number;
  /** Other candidates counted per shared value; default 1,000 (a big employer need not be counted exactly). */
  countCap?: number;
  /** Minimum exact shingle Jaccard for a near-duplicate résumé; default 0.8. */
  resumeThreshold?: number;
  /** LSH candidates checked with exact Jaccard; default 200. */
  resumeCandidateLimit?: number;
};

// Strongest evidence first: a shared bank account or ID number is rarely innocent, a shared IP often is.
const KIND_ORDER: SharedIdentifierKind[] = ["BANK", "GOV_ID", "DEVICE", "PHONE", "EMAIL", "ADDRESS", "IP"];

type IdentifierLinkRow = {
  kind: IdentifierKind;
  value: string;
  last4: string | null;
  my_name: string | null;
  others: unknown;
  other_count: number;
  first_seen: Date | null;
};

type ResumeRow = { candidate_id: string; text: string; full_name: string; my_text: string };

function parseJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** Name identity for "different names": case, accents, punctuation and token order ignored. */
function nameKey(name: string): string {
  return anyAscii(name ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .sort()
    .join(" ");
}

/**
 * Who else presented this candidate's identifiers, and whose résumé is a near-copy of theirs (LNK-01…LNK-04).
 * Read-only; the caller has authorised access to the candidate. Two queries: one over `candidate_identifiers`
 * (the candidate's rows by primary key, then per row the (kind, value) index: a capped list of others with their
 * names, a capped count, and the first-seen date for email and phone), one over `candidate_resumes`
 * (`bands && mine` on the GIN index, then exact Jaccard here). Works on PostgreSQL 15+ and PGlite.
 */
export async function findCandidateLinks(db: Tx, options: FindCandidateLinksOptions): Promise<CandidateLinks> {
  const { candidateId } = options;
  const othersLimit = Math.max(0, Math.floor(options.othersLimit ?? 50));
  const countCap = Math.max(1, Math.floor(options.countCap ?? 1000));
  const resumeThreshold = options.resumeThreshold ?? 0.8;
  const resumeCandidateLimit = Math.max(1, Math.floor(options.resumeCandidateLimit ?? 200));

  // The candidate's own row is always among the matches of each of its values, hence `count - 1` and `cap + 1`
  // (a count over the (kind, value) index alone can be answered from the index).
  const rows = await db.$queryRaw<IdentifierLinkRow[]>`
    SELECT me.kind, me.value, me.last4,
           (SELECT c.full_name FROM candidates c WHERE c.id = me.candidate_id) AS my_name,
           o.others, n.other_count, fs.first_seen
    FROM candidate_identifiers me
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object('id', c.id, 'fullName', c.full_name, 'email', c.email)), '[]'::json) AS others
      FROM (
        SELECT x.candidate_id FROM candidate_identifiers x
        WHERE x.kind = me.kind AND x.value = me.value AND x.candidate_id <> me.candidate_id AND me.kind <> 'EMPLOYER'
        LIMIT ${othersLimit}
      ) l
      JOIN candidates c ON c.id = l.candidate_id
    ) o
    CROSS JOIN LATERAL (
      SELECT (count(*) - 1)::int AS other_count
      FROM (SELECT 1 FROM candidate_identifiers x WHERE x.kind = me.kind AND x.value = me.value LIMIT ${countCap + 1}) t
    ) n
    CROSS JOIN LATERAL (
      SELECT min(x.created_at) AS first_seen FROM candidate_identifiers x
      WHERE x.kind = me.kind AND x.value = me.value AND me.kind IN ('EMAIL', 'PHONE')
    ) fs
    WHERE me.candidate_id = ${candidateId}::uuid`;

  const links: CandidateLinks = { sharedIdentifiers: [], nearDuplicateResumes: [], sharedShipTo: null, recurringEmployers: [], firstSeen: {} };
  for (const row of rows) {
    if (row.first_seen && (row.kind === "EMAIL" || row.kind === "PHONE")) {
      const key = row.kind === "EMAIL" ? "email" : "phone";
      const current = links.firstSeen[key];
      if (!current || row.first_seen < current) links.firstSeen[key] = row.first_seen;
    }
    const otherCount = Number(row.other_count);
    if (otherCount <= 0) continue;
    const otherCountCapped = otherCount >= countCap;
    const others = parseJson<LinkedCandidate[]>(row.others).sort((a, b) => a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id));
    if (row.kind === "EMPLOYER") {
      links.recurringEmployers.push({ employerName: row.value, otherCandidateCount: otherCount, otherCountCapped });
    } else if (row.kind === "SHIP_TO") {
      if (!links.sharedShipTo || otherCount > links.sharedShipTo.otherCount) {
        links.sharedShipTo = { display: row.value, others: others.map(({ id, fullName }) => ({ id, fullName })), otherCount, otherCountCapped };
      }
    } else {
      const mine = nameKey(row.my_name ?? "");
      links.sharedIdentifiers.push({
        kind: row.kind,
        display: row.kind === "BANK" || row.kind === "GOV_ID" ? `•••• ${row.last4 ?? "????"}` : row.value,
        others,
        otherCount,
        otherCountCapped,
        otherNamesDiffer: others.some((o) => nameKey(o.fullName) !== mine),
      });
    }
  }
  links.sharedIdentifiers.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.otherCount - a.otherCount || a.display.localeCompare(b.display));
  links.recurringEmployers.sort((a, b) => b.otherCandidateCount - a.otherCandidateCount || a.employerName.localeCompare(b.employerName));

  // LSH candidates: résumés sharing at least one band with this candidate's (GIN), each row also carrying this
  // candidate's own text for the exact Jaccard. Scalar subqueries rather than a CTE: planned in a fraction of the time.
  const resumes = await db.$queryRaw<ResumeRow[]>`
    SELECT r.candidate_id::text AS candidate_id, r.text, c.full_name,
           (SELECT m.text FROM candidate_resumes m WHERE m.candidate_id = ${candidateId}::uuid) AS my_text
    FROM candidate_resumes r JOIN candidates c ON c.id = r.candidate_id
    WHERE r.bands && (SELECT m.bands FROM candidate_resumes m WHERE m.candidate_id = ${candidateId}::uuid)
      AND r.candidate_id <> ${candidateId}::uuid
    LIMIT ${resumeCandidateLimit}`;
  if (resumes.length > 0) {
    const mine = resumeShingles(resumes[0].my_text);
    for (const r of resumes) {
      const similarity = shingleJaccard(mine, resumeShingles(r.text));
      if (similarity >= resumeThreshold) {
        links.nearDuplicateResumes.push({ candidateId: r.candidate_id, fullName: r.full_name, similarity: Math.round(similarity * 1000) / 1000 });
      }
    }
    links.nearDuplicateResumes.sort((a, b) => b.similarity - a.similarity || a.candidateId.localeCompare(b.candidateId));
  }
  return links;
}
