/**
 * Plain, serialisable views of the registry for docs/rules.md and the Rules page (no functions, no zod).
 */
import { INDICATORS, SOURCES, UNCOVERED_INDICATORS, type Category, type IndicatorId, type Severity, type SourceCode } from "./catalog";
import { ruleRegistry } from "./registry";
import { defaultRulesetConfig, type RulesetConfig } from "./ruleset";
import { VERIFICATION_STEPS, type VerificationStepId } from "./verification";

export interface RuleCatalogEntry {
  id: string;
  indicatorIds: readonly IndicatorId[];
  category: Category;
  severity: Severity;
  severityNote: string | null;
  title: string;
  description: string;
  sources: { code: SourceCode; title: string }[];
  innocentExplanations: readonly string[];
  verificationStep: { id: VerificationStepId; text: string };
  reads: readonly string[];
  enabled: boolean;
  weight: number;
  /** severityPoints[severity] × weight in the given ruleset. */
  points: number;
  config: unknown;
}

export function ruleCatalog(config: RulesetConfig = defaultRulesetConfig): RuleCatalogEntry[] {
  return ruleRegistry.map((r) => {
    const s = config.rules[r.id];
    return {
      id: r.id,
      indicatorIds: r.indicatorIds,
      category: r.category,
      severity: r.severity,
      severityNote: r.severityNote ?? null,
      title: r.title,
      description: r.description,
      sources: r.source.map((code) => ({ code, title: SOURCES[code] })),
      innocentExplanations: r.innocentExplanations,
      verificationStep: { id: r.verificationStep, text: VERIFICATION_STEPS[r.verificationStep] },
      reads: r.reads,
      enabled: s.enabled,
      weight: s.weight,
      points: config.severityPoints[r.severity] * s.weight,
      config: s.config,
    };
  });
}

export interface IndicatorCoverage {
  id: IndicatorId;
  category: Category;
  severityText: string;
  title: string;
  sources: readonly SourceCode[];
  ruleIds: string[];
  covered: boolean;
  /** Why it is not covered (when not). */
  reason: string | null;
}

export function indicatorCoverage(): IndicatorCoverage[] {
  return INDICATORS.map((i) => {
    const ruleIds = ruleRegistry.filter((r) => r.indicatorIds.includes(i.id)).map((r) => r.id);
    return {
      id: i.id,
      category: i.category,
      severityText: i.severityText,
      title: i.title,
      sources: i.sources,
      ruleIds,
      covered: ruleIds.length > 0,
      reason: ruleIds.length > 0 ? null : (UNCOVERED_INDICATORS[i.id] ?? "Not yet implemented."),
    };
  });
}
