import "server-only";
import anyAscii from "any-ascii";
import type { Tx } from "../db";
import type { IdentifierKind } from "../db/generated/enums";
import { resumeShingles, shingleJaccard } from "./resume-bands";

export type LinkedCandidate = { id: string; fullName: string; email: string };

export type SharedIdentifierKind = Exclude<IdentifierKind, "EMPLOYER" | "EMPLOYER_UNVERIFIED" | "SHIP_TO">;

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
  /** Every kind except EMPLOYER(_UNVERIFIED) and SHIP_TO, strongest kinds first. */
  sharedIdentifiers: SharedIdentifier[];
  /** Résumés with exact 5-word-shingle Jaccard ≥ `resumeThreshold`, most similar first. */
  nearDuplicateResumes: { candidateId: string; fullName: string; similarity: number }[];
  /** The candidate's ship-to address shared with the most other candidates, or null. */
  sharedShipTo: { display: string; others: { id: string; fullName: string }[]; otherCount: number; otherCountCapped: boolean } | null;
  /**
   * Normalised employer names that other candidates also listed, most frequent first, with how many of those others'
   * checks of that employer failed (`otherUnverifiedCount`, LNK-06; capped like the count).
   */
  recurringEmployers: { employerName: string; otherCandidateCount: number; otherCountCapped: boolean; otherUnverifiedCount: number }[];
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
  candidate_id: string;
  kind: IdentifierKind;
  value: string;
  last4: string | null;
  my_name: string | null;
  others: unknown;
  other_count: number;
  /** EMPLOYER rows: other candidates whose check of the same employer failed (their EMPLOYER_UNVERIFIED rows). */
  unverified_count: number | null;
  first_seen: Date | string | null;
};

type ResumeRow = { me: string; my_text: string; candidate_id: string; text: string; full_name: string };

/** Runs one parameterised statement and returns its rows: Prisma (`$queryRawUnsafe`) or a `pg` client. */
export type SqlRunner = <R>(sql: string, params: unknown[]) => Promise<R[]>;

export function prismaRunner(db: Tx): SqlRunner {
  return <R,>(sql: string, params: unknown[]) => db.$queryRawUnsafe<R[]>(sql, ...params);
}

// The candidates being linked, in order, each with the candidates of this batch it must not see: those created later
// in the same batch (so a batch links exactly as the same submits one by one would). Empty for a single candidate.
const BATCH_CTE = `
  batch AS (
    SELECT b.id, b.pos,
           coalesce((SELECT array_agg(l.id) FROM unnest($1::uuid[], $2::bool[]) WITH ORDINALITY AS l(id, is_new, pos)
                     WHERE l.pos > b.pos AND l.is_new), '{}'::uuid[]) AS hidden
    FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, pos)
  )`;

// Per identifier of each candidate: a capped list of others with their names, a capped count, the first-seen
// date for email and phone, and for a former employer how many others' checks of it failed (LNK-06). Each lateral reads the (kind, value, candidate_id) index only; the candidate's own row is
// among the matches of each of its values, hence "count - 1" and "cap + 1".
const IDENTIFIER_LINKS_SQL = `
  WITH ${BATCH_CTE}
  SELECT me.candidate_id::text AS candidate_id, me.kind, me.value, me.last4,
         (SELECT c.full_name FROM candidates c WHERE c.id = me.candidate_id) AS my_name,
         o.others, n.other_count, u.unverified_count, fs.first_seen
  FROM batch b
  JOIN candidate_identifiers me ON me.candidate_id = b.id AND me.kind <> 'EMPLOYER_UNVERIFIED'
  CROSS JOIN LATERAL (
    SELECT coalesce(json_agg(json_build_object('id', c.id, 'fullName', c.full_name, 'email', c.email)), '[]'::json) AS others
    FROM (
      SELECT x.candidate_id FROM candidate_identifiers x
      WHERE x.kind = me.kind AND x.value = me.value AND x.candidate_id <> me.candidate_id AND x.candidate_id <> ALL (b.hidden)
        AND me.kind <> 'EMPLOYER'
      LIMIT $3
    ) l
    JOIN candidates c ON c.id = l.candidate_id
  ) o
  CROSS JOIN LATERAL (
    SELECT (count(*) - 1)::int AS other_count
    FROM (SELECT 1 FROM candidate_identifiers x WHERE x.kind = me.kind AND x.value = me.value AND x.candidate_id <> ALL (b.hidden) LIMIT $4) t
  ) n
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS unverified_count
    FROM (SELECT 1 FROM candidate_identifiers x
          WHERE me.kind = 'EMPLOYER' AND x.kind = 'EMPLOYER_UNVERIFIED' AND x.value = me.value
            AND x.candidate_id <> me.candidate_id AND x.candidate_id <> ALL (b.hidden) LIMIT $4) t
  ) u
  CROSS JOIN LATERAL (
    SELECT min(x.created_at) AS first_seen FROM candidate_identifiers x
    WHERE x.kind = me.kind AND x.value = me.value AND x.candidate_id <> ALL (b.hidden) AND me.kind IN ('EMAIL', 'PHONE')
  ) fs`;

// LSH candidates: résumés sharing at least one band with each candidate's (GIN), with the candidate's own text for
// the exact Jaccard.
const RESUME_LINKS_SQL = `
  WITH ${BATCH_CTE}
  SELECT b.id::text AS me, m.text AS my_text, r.candidate_id::text AS candidate_id, r.text, c.full_name
  FROM batch b
  JOIN candidate_resumes m ON m.candidate_id = b.id
  CROSS JOIN LATERAL (
    SELECT r.candidate_id, r.text FROM candidate_resumes r
    WHERE r.bands && m.bands AND r.candidate_id <> b.id AND r.candidate_id <> ALL (b.hidden)
    LIMIT $3
  ) r
  JOIN candidates c ON c.id = r.candidate_id`;

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
 * Read-only; the caller has authorised access to the candidate. Works on PostgreSQL 15+ and PGlite.
 */
export async function findCandidateLinks(db: Tx, options: FindCandidateLinksOptions): Promise<CandidateLinks> {
  const links = await findLinksForCandidates(prismaRunner(db), [{ id: options.candidateId, isNew: false }], options);
  return links.get(options.candidateId)!;
}

/**
 * Links for several candidates in two statements (one over `candidate_identifiers`, one over `candidate_resumes`),
 * for the screening write path. `candidates` is in submit order; a candidate marked `isNew` (created by this
 * batch) is invisible to the candidates before it, as if each had been screened on its own, in order.
 */
export async function findLinksForCandidates(
  run: SqlRunner,
  candidates: readonly { id: string; isNew: boolean }[],
  options: Omit<FindCandidateLinksOptions, "candidateId"> = {},
): Promise<Map<string, CandidateLinks>> {
  const othersLimit = Math.max(0, Math.floor(options.othersLimit ?? 50));
  const countCap = Math.max(1, Math.floor(options.countCap ?? 1000));
  const resumeThreshold = options.resumeThreshold ?? 0.8;
  const resumeCandidateLimit = Math.max(1, Math.floor(options.resumeCandidateLimit ?? 200));
  const ids = candidates.map((c) => c.id);
  const isNew = candidates.map((c) => c.isNew);

  const out = new Map<string, CandidateLinks>();
  for (const id of ids) out.set(id, { sharedIdentifiers: [], nearDuplicateResumes: [], sharedShipTo: null, recurringEmployers: [], firstSeen: {} });
  if (ids.length === 0) return out;

  const rows = await run<IdentifierLinkRow>(IDENTIFIER_LINKS_SQL, [ids, isNew, othersLimit, countCap + 1]);
  for (const row of rows) addIdentifierRow(out.get(row.candidate_id)!, row, countCap);

  const resumes = await run<ResumeRow>(RESUME_LINKS_SQL, [ids, isNew, resumeCandidateLimit]);
  const mine = new Map<string, Set<string>>();
  for (const r of resumes) {
    let own = mine.get(r.me);
    if (!own) mine.set(r.me, (own = resumeShingles(r.my_text)));
    const similarity = shingleJaccard(own, resumeShingles(r.text));
    if (similarity >= resumeThreshold) {
      out.get(r.me)!.nearDuplicateResumes.push({ candidateId: r.candidate_id, fullName: r.full_name, similarity: Math.round(similarity * 1000) / 1000 });
    }
  }

  for (const links of out.values()) {
    links.sharedIdentifiers.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.otherCount - a.otherCount || a.display.localeCompare(b.display));
    links.recurringEmployers.sort((a, b) => b.otherCandidateCount - a.otherCandidateCount || a.employerName.localeCompare(b.employerName));
    links.nearDuplicateResumes.sort((a, b) => b.similarity - a.similarity || a.candidateId.localeCompare(b.candidateId));
  }
  return out;
}

function addIdentifierRow(links: CandidateLinks, row: IdentifierLinkRow, countCap: number) {
  if (row.first_seen && (row.kind === "EMAIL" || row.kind === "PHONE")) {
    const firstSeen = new Date(row.first_seen);
    const key = row.kind === "EMAIL" ? "email" : "phone";
    const current = links.firstSeen[key];
    if (!current || firstSeen < current) links.firstSeen[key] = firstSeen;
  }
  const otherCount = Number(row.other_count);
  if (otherCount <= 0) return;
  const otherCountCapped = otherCount >= countCap;
  const others = parseJson<LinkedCandidate[]>(row.others).sort((a, b) => a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id));
  if (row.kind === "EMPLOYER_UNVERIFIED") {
    return; // counted on the EMPLOYER row of the same value (unverified_count)
  } else if (row.kind === "EMPLOYER") {
    links.recurringEmployers.push({
      employerName: row.value,
      otherCandidateCount: otherCount,
      otherCountCapped,
      otherUnverifiedCount: Math.min(Number(row.unverified_count ?? 0), countCap),
    });
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
