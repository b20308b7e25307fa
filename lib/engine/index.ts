/**
 * Public API of the rules engine. Pure: zod and this directory only (enforced by ESLint).
 *
 *   const facts = factsSchema.parse(input);                  // validate at the boundary
 *   const config = parseRulesetConfig(json);                  // fails closed: throws RulesetConfigError
 *   const assessment = evaluate(facts, { version, config }, { asOf });
 */
export { factsSchema, PROTECTED_ATTRIBUTE_KEYS, type Facts, type FactsInput, type Address, type Interview, type Job, type IpObservation } from "./facts";
export {
  CATEGORIES,
  CATEGORY_TITLES,
  SEVERITIES,
  SEVERITY_TITLES,
  SOURCES,
  INDICATORS,
  INDICATOR_IDS,
  INDICATORS_BY_ID,
  UNCOVERED_INDICATORS,
  type Category,
  type Severity,
  type SourceCode,
  type Indicator,
  type IndicatorId,
} from "./catalog";
export { defineRule, type RuleDefinition, type Evidence, type RuleResult, type EvaluationContext } from "./rule";
export { ruleRegistry, rulesById, RULE_IDS } from "./registry";
export {
  BANDS,
  THRESHOLD_BANDS,
  rulesetConfigSchema,
  parseRulesetConfig,
  safeParseRulesetConfig,
  RulesetConfigError,
  defaultRulesetConfig,
  engine1RulesetConfig,
  defaultRuleset,
  DEFAULT_RULESET_VERSION,
  DEFAULT_SEVERITY_POINTS,
  defaultPointsFor,
  type Band,
  type Ruleset,
  type RulesetConfig,
  type RulesetConfigInput,
  type RulesetConfigIssue,
  type RuleSettings,
} from "./ruleset";
export { scoreHits, bandFor, type ScoreResult, type Corroboration } from "./scoring";
export { evaluate, compileRuleset, type Assessment, type Hit, type Suppression, type EvaluateOptions, type CompiledRuleset } from "./evaluate";
export { VERIFICATION_STEPS, VERIFICATION_STEP_IDS, recommendSteps, type VerificationStepId, type RecommendedStep } from "./verification";
export { ruleCatalog, indicatorCoverage, type RuleCatalogEntry, type IndicatorCoverage } from "./catalog-view";
export { ENGINE_VERSION } from "./version";
