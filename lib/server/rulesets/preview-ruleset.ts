import "server-only";
import { BANDS, ENGINE_VERSION, evaluate, factsSchema, safeParseRulesetConfig, type Band, type Facts, type Ruleset } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, Prisma } from "../db";
import { applyAcceptedExplanations, type AcceptedExplanation } from "../explanations/apply-accepted-explanations";
import { readAcceptedExplanations } from "../explanations/read-accepted-explanations";
import { getPublishedRuleset } from "./get-published-ruleset";
import { rulesetFieldErrors, rulesetVersionIdSchema } from "./ruleset-schemas";

export type BandCounts = Record<Band, number>;

export type RulesetPreviewChange = {
  candidateId: string;
  fullName: string;
  fromBand: Band;
  toBand: Band;
  fromScore: number;
  toScore: number;
};

export type RulesetPreview = {
  rulesetVersionId: string;
  version: number;
  /** The version in force when the preview ran. */
  publishedVersion: number;
  /** When set, "before" is this version re-evaluated on the same facts, not the candidates' current band. */
  againstVersion: number | null;
  /** Candidates (not withdrawn) whose latest screening was re-evaluated. */
  compared: number;
  /** Not withdrawn but never screened (nothing to re-evaluate). */
  notScreened: number;
  /** Their stored facts no longer validate with this engine (left out, counted here). */
  unreadable: number;
  /** Current band (as stored on the candidate) and band under this version. */
  before: BandCounts;
  after: BandCounts;
  /** transitions[from][to] = how many candidates. */
  transitions: Record<Band, BandCounts>;
  movedUp: number;
  movedDown: number;
  /** Same band, different score. */
  scoreChangedOnly: number;
  unchanged: number;
  /** This version's review threshold (cases open from this band; ADR 0011). */
  reviewThreshold: Band;
  /** Candidates whose band under this version reaches the review threshold. */
  atReviewThreshold: number;
  /** Of those, how many have no open case now: a case would open for each on its next screening. */
  wouldOpenCase: number;
  /** Up to `sampleSize` candidates whose band changes, in id order. */
  sample: RulesetPreviewChange[];
  durationMs: number;
};

export type PreviewRulesetOptions = {
  actor: Actor;
  rulesetVersionId: string;
  /** Compare with this version (re-evaluated on the same stored facts) instead of each candidate's current band. */
  againstVersionId?: string;
  /** Candidates per keyset page: bounds memory whatever the number of candidates. */
  pageSize?: number;
  sampleSize?: number;
};

type Row = {
  id: string;
  full_name: string;
  latest_score: number | null;
  latest_band: string | null;
  facts: unknown;
  engine_version: string | null;
  as_of: string | null;
  screened_at: Date | null;
  has_open_case: boolean;
};

const BAND_RANK: Record<Band, number> = Object.fromEntries(BANDS.map((b, i) => [b, i])) as Record<Band, number>;
const isBand = (v: string | null): v is Band => v !== null && v in BAND_RANK;
const zeroCounts = (): BandCounts => Object.fromEntries(BANDS.map((b) => [b, 0])) as BandCounts;

/**
 * What a version would do to the stored candidates: each active candidate's latest screening facts are evaluated
 * again with this version's config and compared with the candidate's current band. Nothing is written.
 *
 * Each snapshot is evaluated at its own screening time (`asOf`), so the only difference from the stored result is
 * the ruleset: a draft identical to the ruleset a candidate was screened with moves nobody. (The re-screen after
 * publishing uses today's date and refreshed enrichment and linkage, so it can differ where time or data moved on.)
 * Candidates are read in keyset pages of `pageSize`, so memory stays bounded at any size.
 */
export async function previewRuleset({ actor, rulesetVersionId, againstVersionId, pageSize = 1_000, sampleSize = 50 }: PreviewRulesetOptions): Promise<RulesetPreview> {
  assertPermission(actor, "rulesets.manage");
  const started = performance.now();
  const ruleset = await loadRuleset(rulesetVersionId);
  const against = againstVersionId === undefined ? null : await loadRuleset(againstVersionId);
  const db = getDb();
  const published = await getPublishedRuleset();

  const result: RulesetPreview = {
    rulesetVersionId: ruleset.id,
    version: ruleset.version,
    publishedVersion: published.version,
    againstVersion: against?.version ?? null,
    compared: 0,
    notScreened: 0,
    unreadable: 0,
    before: zeroCounts(),
    after: zeroCounts(),
    transitions: Object.fromEntries(BANDS.map((b) => [b, zeroCounts()])) as Record<Band, BandCounts>,
    movedUp: 0,
    movedDown: 0,
    scoreChangedOnly: 0,
    unchanged: 0,
    reviewThreshold: ruleset.config.reviewThreshold,
    atReviewThreshold: 0,
    wouldOpenCase: 0,
    sample: [],
    durationMs: 0,
  };

  const take = Math.min(Math.max(Math.trunc(pageSize), 1), 5_000);
  let cursor: string | null = null;
  for (;;) {
    const rows: Row[] = await db.$queryRaw<Row[]>`
      SELECT c.id::text AS id, c.full_name, c.latest_score, c.latest_band,
             s.facts, s.engine_version, s.details->>'asOf' AS as_of, s.created_at AS screened_at,
             EXISTS (SELECT 1 FROM review_cases rc WHERE rc.candidate_id = c.id AND rc.status IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL')) AS has_open_case
        FROM candidates c
        LEFT JOIN LATERAL (
          SELECT facts, engine_version, details, created_at
            FROM screenings
           WHERE candidate_id = c.id
           ORDER BY created_at DESC, id DESC
           LIMIT 1
        ) s ON true
       WHERE c.stage <> 'WITHDRAWN' ${cursor ? Prisma.sql`AND c.id > ${cursor}::uuid` : Prisma.empty}
       ORDER BY c.id
       LIMIT ${take}`;
    if (rows.length === 0) break;
    // Accepted explanations apply as they do when screening, so a draft identical to the published ruleset moves nobody.
    const accepted = await readAcceptedExplanations((sql, params) => db.$queryRawUnsafe(sql, ...params), rows.map((r) => r.id));
    for (const r of rows) tally(result, r, ruleset, against, sampleSize, accepted.get(r.id) ?? []);
    cursor = rows[rows.length - 1].id;
    if (rows.length < take) break;
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

async function loadRuleset(rulesetVersionId: string): Promise<Ruleset & { id: string; version: number }> {
  const id = rulesetVersionIdSchema.shape.rulesetVersionId.safeParse(rulesetVersionId);
  const row = id.success ? await getDb().rulesetVersion.findUnique({ where: { id: id.data }, select: { id: true, version: true, config: true } }) : null;
  if (!row) throw new AppError("NOT_FOUND", "No ruleset version with that id.");
  const parsed = safeParseRulesetConfig(row.config);
  if (!parsed.success) {
    throw new AppError("VALIDATION", `Version ${row.version} is not valid for this engine, so it can't be previewed.`, { fieldErrors: rulesetFieldErrors(parsed.error.issues) });
  }
  return { id: row.id, version: row.version, config: parsed.data };
}

function tally(result: RulesetPreview, r: Row, ruleset: Ruleset, against: Ruleset | null, sampleSize: number, accepted: readonly AcceptedExplanation[]) {
  if (r.facts == null || r.latest_score === null || !isBand(r.latest_band)) {
    result.notScreened++;
    return;
  }
  const facts = readFacts(r);
  const asOf = r.as_of ? new Date(r.as_of) : r.screened_at;
  if (!facts || !asOf || Number.isNaN(asOf.getTime())) {
    result.unreadable++;
    return;
  }
  // Accepted explanations apply as they do when screening (see apply-accepted-explanations.ts).
  const withExplanations = (rs: Ruleset) => applyAcceptedExplanations(evaluate(facts, rs, { asOf }), { facts, ruleset: rs, asOf, accepted }).assessment;
  const assessment = withExplanations(ruleset);
  const baseline = against ? withExplanations(against) : null;
  const from = baseline ? baseline.band : r.latest_band;
  const fromScore = baseline ? baseline.score : r.latest_score;
  const to = assessment.band;
  result.compared++;
  result.before[from]++;
  result.after[to]++;
  result.transitions[from][to]++;
  if (BAND_RANK[to] >= BAND_RANK[ruleset.config.reviewThreshold]) {
    result.atReviewThreshold++;
    if (!r.has_open_case) result.wouldOpenCase++;
  }
  if (from === to) {
    if (assessment.score !== fromScore) result.scoreChangedOnly++;
    else result.unchanged++;
    return;
  }
  if (BAND_RANK[to] > BAND_RANK[from]) result.movedUp++;
  else result.movedDown++;
  if (result.sample.length < sampleSize) {
    result.sample.push({ candidateId: r.id, fullName: r.full_name, fromBand: from, toBand: to, fromScore, toScore: assessment.score });
  }
}

/**
 * The stored snapshot is the output of `factsSchema.parse` at screening time (JSON, dates as ISO strings — the
 * shape `evaluate` reads). Snapshots written by this engine version are used as stored (re-validating 100k of them
 * would double the time); older ones are validated again and left out, counted, when they no longer fit.
 */
function readFacts(r: Row): Facts | null {
  if (r.engine_version === ENGINE_VERSION) return r.facts as Facts;
  const parsed = factsSchema.safeParse(r.facts);
  return parsed.success ? parsed.data : null;
}
