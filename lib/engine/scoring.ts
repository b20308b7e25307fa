/**
 * Scoring model (docs/decisions/0003-scoring-model.md):
 * - each hit is worth `points = severityPoints[hit severity] × rule weight`, clamped to [0, 100];
 * - L-severity hits are pooled: their points add up to at most `lowSeverityCap`;
 * - the pool and every H/M hit combine like independent probabilities:
 *     exact = 100 × (1 − (1 − low/100) × Π (1 − points_i/100)),
 *   which stays in [0, 100] and never decreases when a hit is added or a weight raised;
 * - the displayed score is exact rounded to an integer, and it is allocated back to the hits in proportion to
 *   their (pooled) points with largest-remainder rounding, so the shown contributions sum to the shown score.
 */
import type { Severity } from "./catalog";
import type { Band, RulesetConfig } from "./ruleset";

export interface ScoredInput {
  severity: Severity;
  weight: number;
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
}

const clamp = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);

export function scoreHits(hits: readonly ScoredInput[], config: Pick<RulesetConfig, "severityPoints" | "lowSeverityCap">): ScoreResult {
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
  // Snap float noise before rounding so equal inputs in any order give the same integer.
  const exact = Math.round(clamp(100 * (1 - keep)) * 1e9) / 1e9;
  const score = Math.round(exact);
  return { exact, score, effectivePoints: pts, contributions: allocate(score, pts, total), lowSeverityCapApplied: lowSum > config.lowSeverityCap };
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
