/**
 * evaluate(facts, ruleset, { asOf }) — synchronous, deterministic, pure.
 *
 * `facts` must already be validated with `factsSchema` (validate at the boundary; evaluate does not re-parse, which
 * is what keeps it fast). The ruleset's config is validated once per ruleset object when it is compiled, and an
 * invalid config throws RulesetConfigError — the engine never scores with a config it could not validate.
 */
import { SEVERITY_RANK, type Category, type IndicatorId, type Severity, type SourceCode } from "./catalog";
import type { Facts } from "./facts";
import { rulesById } from "./registry";
import { declaredSpecificity, type EvaluationContext, type Evidence, type RuleDefinition } from "./rule";
import { parseRulesetConfig, type Band, type Ruleset, type RulesetConfig } from "./ruleset";
import { bandFor, scoreHits, type Corroboration } from "./scoring";
import { ENGINE_VERSION } from "./version";
import { recommendSteps, VERIFICATION_STEPS, type RecommendedStep, type VerificationStepId } from "./verification";

export interface Hit {
  ruleId: string;
  indicatorIds: readonly IndicatorId[];
  category: Category;
  /** The hit's severity (a rule may raise or lower it for a specific case, see the rule's severityNote). */
  severity: Severity;
  title: string;
  /** One sentence for the recruiter. */
  summary: string;
  evidence: Evidence[];
  /** Points after weighting and the L cap, before the combined score is allocated. */
  points: number;
  /** Scheme-specific (may lift a candidate alone) rather than a common, explainable fact (ADR 0008). */
  specific: boolean;
  /** Integer share of the displayed score; contributions of all hits sum to `Assessment.score`. */
  contribution: number;
  source: readonly SourceCode[];
  innocentExplanations: readonly string[];
  verificationStep: { id: VerificationStepId; text: string };
}

export interface Suppression {
  ruleId: string;
  indicatorIds: readonly IndicatorId[];
  title: string;
  reason: string;
  evidence: Evidence[];
}

export interface Assessment {
  /** 0–100 integer. */
  score: number;
  band: Band;
  /** Ordered by severity, then contribution. */
  hits: Hit[];
  /** Rules whose condition was met but which an innocent path switched off (accommodation, name change). */
  suppressed: Suppression[];
  /** Deduplicated, ordered by severity. */
  verificationSteps: RecommendedStep[];
  lowSeverityCapApplied: boolean;
  /** How corroboration shaped the score (engine-2 rulesets); null for engine-1 rulesets and for no hits. */
  corroboration: Corroboration | null;
  rulesetVersion: number | string;
  engineVersion: string;
  asOf: string;
}

export interface EvaluateOptions {
  asOf: Date;
}

export interface CompiledRule {
  rule: RuleDefinition<unknown>;
  config: unknown;
  weight: number;
  order: number;
  /** The rule's declared specificity; undefined = follows each hit's severity (H specific, M/L common). */
  specific: boolean | undefined;
}

export interface CompiledRuleset {
  version: number | string;
  config: RulesetConfig;
  rules: CompiledRule[];
}

const compiled = new WeakMap<Ruleset, CompiledRuleset>();

/** Validate and precompile a ruleset (enabled rules with resolved weights and config). Cached per ruleset object. */
export function compileRuleset(ruleset: Ruleset): CompiledRuleset {
  let c = compiled.get(ruleset);
  if (c) return c;
  const config = parseRulesetConfig(ruleset.config);
  const rules: CompiledRule[] = [];
  let order = 0;
  for (const [id, s] of Object.entries(config.rules)) {
    if (!s.enabled) continue;
    const rule = rulesById.get(id)!;
    rules.push({ rule, config: s.config, weight: s.weight, order: order++, specific: declaredSpecificity(rule) });
  }
  c = { version: ruleset.version, config, rules };
  compiled.set(ruleset, c);
  return c;
}

// Single-entry memo of asOf's ISO form: batch screenings share one asOf, and toISOString is comparatively slow.
let lastAsOfMs = NaN;
let lastAsOfIso = "";
let lastAsOfDate = "";
function isoOf(date: Date, ms: number): string {
  if (ms !== lastAsOfMs) {
    lastAsOfIso = date.toISOString();
    lastAsOfDate = lastAsOfIso.slice(0, 10);
    lastAsOfMs = ms;
  }
  return lastAsOfIso;
}

export function evaluate(facts: Facts, ruleset: Ruleset, options: EvaluateOptions): Assessment {
  const compiledRuleset = compileRuleset(ruleset);
  const asOfMs = options.asOf.getTime();
  if (Number.isNaN(asOfMs)) throw new RangeError("evaluate: asOf is not a valid date");
  const asOfIso = isoOf(options.asOf, asOfMs);
  const ctx: EvaluationContext = { asOf: options.asOf, asOfMs, asOfDate: lastAsOfDate };
  const rules = compiledRuleset.rules;

  let pending: { c: CompiledRule; severity: Severity; specific: boolean; summary: string; evidence: Evidence[] }[] | null = null;
  let suppressedList: Suppression[] | null = null;
  for (let i = 0; i < rules.length; i++) {
    const c = rules[i];
    const r = c.rule.evaluate(facts, c.config, ctx);
    if (r === null) continue;
    if (r.kind === "hit")
    {
      const severity = r.severity ?? c.rule.severity;
      (pending ??= []).push({ c, severity, specific: r.specific ?? c.specific ?? severity === "H", summary: r.summary, evidence: r.evidence });
    }
    else (suppressedList ??= []).push({ ruleId: c.rule.id, indicatorIds: c.rule.indicatorIds, title: c.rule.title, reason: r.reason, evidence: r.evidence });
  }

  const config = compiledRuleset.config;
  const base = {
    suppressed: suppressedList ?? [],
    rulesetVersion: compiledRuleset.version,
    engineVersion: ENGINE_VERSION,
    asOf: asOfIso,
  };
  if (pending === null) {
    return { score: 0, band: bandFor(0, config.bandThresholds), hits: [], verificationSteps: [], lowSeverityCapApplied: false, corroboration: null, ...base };
  }

  const n = pending.length;
  const inputs = new Array<{ severity: Severity; weight: number; category: Category; specific: boolean; indicator: string }>(n);
  for (let i = 0; i < n; i++) {
    const rule = pending[i].c.rule;
    inputs[i] = { severity: pending[i].severity, weight: pending[i].c.weight, category: rule.category, specific: pending[i].specific, indicator: rule.indicatorIds[0] ?? rule.id };
  }
  const scored = scoreHits(inputs, config);
  const hits = new Array<Hit>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const p = pending[i];
    const rule = p.c.rule;
    order[i] = p.c.order;
    hits[i] = {
      ruleId: rule.id,
      indicatorIds: rule.indicatorIds,
      category: rule.category,
      severity: p.severity,
      title: rule.title,
      summary: p.summary,
      evidence: p.evidence,
      points: Math.round(scored.effectivePoints[i] * 100) / 100,
      specific: p.specific,
      contribution: scored.contributions[i],
      source: rule.source,
      innocentExplanations: rule.innocentExplanations,
      verificationStep: { id: rule.verificationStep, text: VERIFICATION_STEPS[rule.verificationStep] },
    };
  }
  let out = hits;
  if (n > 1) {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort(
      (a, b) =>
        SEVERITY_RANK[hits[b].severity] - SEVERITY_RANK[hits[a].severity] || hits[b].contribution - hits[a].contribution || order[a] - order[b],
    );
    out = idx.map((i) => hits[i]);
  }
  return {
    score: scored.score,
    band: bandFor(scored.score, config.bandThresholds),
    hits: out,
    verificationSteps: recommendSteps(out),
    lowSeverityCapApplied: scored.lowSeverityCapApplied,
    corroboration: scored.corroboration,
    ...base,
  };
}
