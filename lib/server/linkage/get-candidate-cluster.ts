import "server-only";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/uuid";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, type Tx } from "../db";
import { CLUSTER_KINDS, type CandidateCluster, type ClusterKind, type ClusterLink } from "@/lib/cluster";

export type GetCandidateClusterOptions = { actor: Actor; candidateId: string; hops?: 1 | 2; maxFanOut?: number; maxCandidates?: number };

type ValueRow = { kind: ClusterKind; value: string; last4: string | null; n: number };
type MemberRow = { candidate_id: string; kind: ClusterKind; value: string };

// Each step reads the (kind, value, candidate_id) index: the frontier's values with a capped count of who shares each,
// then the members of the values worth following.
const VALUES_SQL = `
  SELECT DISTINCT ON (me.kind, me.value) me.kind, me.value, me.last4, n.n
  FROM candidate_identifiers me
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n FROM (SELECT 1 FROM candidate_identifiers x WHERE x.kind = me.kind AND x.value = me.value LIMIT $3) t
  ) n
  WHERE me.candidate_id = ANY($1::uuid[]) AND me.kind = ANY($2::"IdentifierKind"[]) AND n.n > 1`;

const MEMBERS_SQL = `
  SELECT x.candidate_id::text AS candidate_id, x.kind, x.value
  FROM unnest($1::"IdentifierKind"[], $2::text[]) AS v(kind, value)
  JOIN candidate_identifiers x ON x.kind = v.kind AND x.value = v.value`;

/**
 * The candidate's cluster (issue 11): everyone connected through a shared phone, email, address, ship-to, device,
 * IP, bank account or ID number, up to two hops, with what each link shares. Values shared by very many candidates
 * are listed but not followed, so one office network cannot pull in half the database. SECURITY and ADMIN only.
 */
export async function getCandidateCluster({ actor, candidateId, hops = 2, maxFanOut = 25, maxCandidates = 150 }: GetCandidateClusterOptions): Promise<CandidateCluster> {
  assertPermission(actor, "links.graph");
  if (!isUuid(candidateId)) throw new AppError("NOT_FOUND", "No candidate with that id.");
  return getDb().$transaction(async (tx) => {
    const root = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
    if (!root) throw new AppError("NOT_FOUND", "No candidate with that id.");
    return clusterOf(tx, candidateId, hops, maxFanOut, maxCandidates);
  });
}

export async function clusterOf(tx: Tx, rootId: string, hops: number, maxFanOut: number, maxCandidates: number): Promise<CandidateCluster> {
  const hopOf = new Map<string, 0 | 1 | 2>([[rootId, 0]]);
  const links = new Map<string, ClusterLink>();
  const tooCommon = new Map<string, CandidateCluster["tooCommon"][number]>();
  let truncated = false;
  let frontier = [rootId];
  for (let hop = 1; hop <= hops && frontier.length > 0 && !truncated; hop++) {
    const values = await tx.$queryRawUnsafe<ValueRow[]>(VALUES_SQL, frontier, CLUSTER_KINDS, maxFanOut + 1);
    const follow = values.filter((v) => {
      const key = `${v.kind}:${v.value}`;
      if (v.n > maxFanOut) {
        tooCommon.set(key, { kind: v.kind, display: display(v), candidateCount: v.n });
        return false;
      }
      if (!links.has(key)) links.set(key, { key, kind: v.kind, display: display(v), candidateIds: [] });
      return true;
    });
    if (follow.length === 0) break;
    const members = await tx.$queryRawUnsafe<MemberRow[]>(MEMBERS_SQL, follow.map((v) => v.kind), follow.map((v) => v.value));
    const next: string[] = [];
    for (const m of members) {
      const link = links.get(`${m.kind}:${m.value}`)!;
      if (!hopOf.has(m.candidate_id)) {
        if (hopOf.size >= maxCandidates) {
          truncated = true;
          continue;
        }
        hopOf.set(m.candidate_id, hop as 1 | 2);
        next.push(m.candidate_id);
      }
      if (!link.candidateIds.includes(m.candidate_id)) link.candidateIds.push(m.candidate_id);
    }
    frontier = next;
  }
  const ids = [...hopOf.keys()];
  const rows = await tx.candidate.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true, stage: true, latestBand: true, latestScore: true } });
  const candidates = rows
    .map((c) => ({ id: c.id, fullName: c.fullName, stage: c.stage, band: c.latestBand, score: c.latestScore, hop: hopOf.get(c.id)! }))
    .sort((a, b) => a.hop - b.hop || a.fullName.localeCompare(b.fullName));
  // A link matters when it joins at least two candidates of the cluster.
  const shown = [...links.values()]
    .map((l) => ({ ...l, candidateIds: l.candidateIds.filter((id) => hopOf.has(id)) }))
    .filter((l) => l.candidateIds.length > 1)
    .sort((a, b) => CLUSTER_KINDS.indexOf(a.kind) - CLUSTER_KINDS.indexOf(b.kind) || b.candidateIds.length - a.candidateIds.length);
  return { rootId, candidates, links: shown, tooCommon: [...tooCommon.values()], truncated };
}

/** Hashed kinds show only their last four characters; others their normalised value. */
function display(v: { kind: ClusterKind; value: string; last4: string | null }): string {
  if (v.kind === "BANK" || v.kind === "GOV_ID") return `•••• ${v.last4 ?? "????"}`;
  return v.value;
}
