/**
 * Scoring model (docs/decisions/0003-scoring-model.md; the corroboration model is engine 2, ADR 0008):
 * - each hit is worth `points = severityPoints[hit severity] × rule weight`, clamped to [0, 100];
 * - L-severity hits are pooled: their points add up to at most `lowSeverityCap`;
 * - the pool and every H/M hit combine like independent probabilities (noisy-OR):
 *     base = 100 × (1 − (1 − low/100) × Π (1 − points_i/100));
 * - with a `corroboration` section (engine 2), H/M hits are *signals* (one per indicator); independent signals
 *   reinforce each other:
 *     m = 1 + crossCategoryBonus × (k − 1) + sameCategoryBonus × (n − k)   (n signals in k categories)
 *     exact = 100 × (1 − (1 − base/100)^m),
 *   and a single signal with common innocent explanations (n ≤ 1 and no scheme-specific hit) is capped at
 *   `uncorroboratedMaxScore` — it can never lift a candidate above LOW on its own. L hits add points but are never
 *   signals. Without the section (engine-1 rulesets) exact = base;
 * - everything above only rises when a hit is added or a weight raised (monotone), and stays in [0, 100];
 * - the displayed score is exact rounded to an integer, and it is allocated back to the hits in proportion to
 *   their (pooled) points with largest-remainder rounding, so the shown contributions sum to the shown score.
 */
import type { Category, Severity } from "./catalog";
import type { Band, RulesetConfig } from "./ruleset";

export interface ScoredInput {
  severity: Severity;
  weight: number;
  /** Needed by the corroboration model: signals in different categories count as independent. */
  category?: Category;
  /** A scheme-specific hit (not a common, explainable fact): may lift a candidate on its own. */
  specific?: boolean;
  /**
   * Hits of the same indicator are one signal (two rules reading one fact, e.g. a ship-to address that differs and
   * changed late, EQ-01): they add points, but do not corroborate each other. Absent: each hit is its own signal.
   */
  indicator?: string;
}

/** How the corroboration model shaped the score (absent for engine-1 rulesets). */
export interface Corroboration {
  /** Noisy-OR of the hits' points before corroboration, 0–100. */
  base: number;
  /** Distinct indicators among the H/M hits with points > 0. */
  signals: number;
  /** Distinct categories among the signals. */
  categories: number;
  /** The exponent applied: 1 + cross × (categories − 1) + same × (signals − categories). */
  multiplier: number;
  /** True when the score was held at `uncorroboratedMaxScore` (one common signal, nothing specific). */
  capped: boolean;
  /** At least one scheme-specific hit. */
  specific: boolean;
}

export interface ScoreResult {
  /** Unrounded combined score, 0–100. */
  exact: number;
  /** Displayed integer score, 0–100. */
  score: number;
  /** Points per hit after the L cap (same order as the input). */
  effectivePoints: number[];
  /** Integer contribution per hit; sums to `score`. */
  contributions: number[];
  lowSeverityCapApplied: boolean;
  corroboration: Corroboration | null;
}

const clamp = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);

export function scoreHits(hits: readonly ScoredInput[], config: Pick<RulesetConfig, "severityPoints" | "lowSeverityCap"> & { corroboration?: RulesetConfig["corroboration"] }): ScoreResult {
  const n = hits.length;
  const pts = new Array<number>(n);
  let lowSum = 0;
  for (let i = 0; i < n; i++) {
    pts[i] = clamp(config.severityPoints[hits[i].severity] * hits[i].weight);
    if (hits[i].severity === "L") lowSum += pts[i];
  }
  const low = Math.min(lowSum, config.lowSeverityCap);
  const lowScale = lowSum > 0 ? low / lowSum : 0;
  let keep = 1 - low / 100;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (hits[i].severity === "L") pts[i] *= lowScale;
    else keep *= 1 - pts[i] / 100;
    total += pts[i];
  }
  let raw = clamp(100 * (1 - keep));
  let corroboration: Corroboration | null = null;
  const model = config.corroboration;
  if (model) {
    let specific = false;
    const signalKeys = new Set<string | number>();
    const categories = new Set<Category | undefined>();
    for (let i = 0; i < n; i++) {
      if (!(pts[i] > 0)) continue;
      if (hits[i].specific ?? hits[i].severity === "H") specific = true;
      if (hits[i].severity === "L") continue;
      signalKeys.add(hits[i].indicator ?? i);
      categories.add(hits[i].category);
    }
    const signals = signalKeys.size;
    const k = Math.min(categories.size, signals);
    const multiplier = signals === 0 ? 1 : 1 + model.crossCategoryBonus * (k - 1) + model.sameCategoryBonus * (signals - k);
    const base = raw;
    raw = clamp(100 * (1 - Math.pow(1 - raw / 100, multiplier)));
    const capped = !specific && signals <= 1 && raw > model.uncorroboratedMaxScore;
    if (capped) raw = model.uncorroboratedMaxScore;
    corroboration = { base: Math.round(base * 100) / 100, signals, categories: k, multiplier: Math.round(multiplier * 1000) / 1000, capped, specific };
  }
  // Snap float noise before rounding so equal inputs in any order give the same integer.
  const exact = Math.round(raw * 1e9) / 1e9;
  const score = Math.round(exact);
  return { exact, score, effectivePoints: pts, contributions: allocate(score, pts, total), lowSeverityCapApplied: lowSum > config.lowSeverityCap, corroboration };
}

/** Split an integer total across weights; largest remainder, ties to the earlier index. */
export function allocate(totalInt: number, weights: readonly number[], weightSum: number): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (totalInt === 0 || weightSum <= 0) return out;
  let assigned = 0;
  const rem = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const share = (totalInt * weights[i]) / weightSum;
    out[i] = Math.floor(share);
    rem[i] = share - out[i];
    assigned += out[i];
  }
  let left = totalInt - assigned;
  if (left > 0) {
    const order = rem.map((_, i) => i).sort((a, b) => rem[b] - rem[a] || a - b);
    for (let k = 0; k < order.length && left > 0; k++, left--) out[order[k]]++;
  }
  return out;
}

export function bandFor(score: number, thresholds: RulesetConfig["bandThresholds"]): Band {
  if (score >= thresholds.CRITICAL) return "CRITICAL";
  if (score >= thresholds.HIGH) return "HIGH";
  if (score >= thresholds.ELEVATED) return "ELEVATED";
  if (score >= thresholds.LOW) return "LOW";
  return "CLEAR";
}
