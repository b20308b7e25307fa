/**
 * Factories for tests, seeds and benchmarks (pure; safe to import anywhere).
 *   makeFacts(overrides)  — a clean, fully known, validated profile with deep-merged overrides
 *   generateFacts(n, opts) — n varied, seeded profiles, some with red flags
 *   RULE_CASES             — firing / non-firing overrides for every rule
 */
export { cleanFacts, deepMerge, makeFacts, FIXED_AS_OF, type DeepPartial, type FactsOverrides } from "./make-facts";
export { generateFacts, mulberry32, type GenerateOptions, type PipelineStage } from "./generate-facts";
export { RULE_CASES, type RuleCase, type RuleCases } from "./rule-cases";
