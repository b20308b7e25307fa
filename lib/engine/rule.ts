/**
 * One rule = one file in ./rules, shaped like dub's define-fraud-rule: metadata for reviewers and docs, a zod
 * schema for its config (validated when a ruleset is parsed, so bad config fails closed at publish time), and a
 * pure `evaluate` that returns a hit with evidence, a suppression with its reason, or null.
 */
import type { z } from "zod";
import type { Category, IndicatorId, Severity, SourceCode } from "./catalog";
import type { Facts } from "./facts";
import type { VerificationStepId } from "./verification";

export interface Evidence {
  /** What was looked at, in a recruiter's words. */
  label: string;
  /** The value found, as text. */
  value: string;
  /**
   * Context shown beside the finding (the candidate's own stated reason), not part of it: an accepted explanation is
   * scoped to the evidence without these items (lib/server/explanations/evidence-fingerprint.ts).
   */
  context?: true;
}

export interface RuleHitResult {
  kind: "hit";
  /** One sentence a recruiter can read. */
  summary: string;
  evidence: Evidence[];
  /** Overrides the rule's severity for this hit (e.g. crypto pay for a crypto-sector contractor is M, not H). */
  severity?: Severity;
  /** Overrides the rule's specificity for this hit (e.g. an address shared by three names is specific, by two is not). */
  specific?: boolean;
}

export interface RuleSuppressedResult {
  kind: "suppressed";
  /** Why the rule did not count although its condition was met (accommodation path, documented name change). */
  reason: string;
  evidence: Evidence[];
}

export type RuleResult = RuleHitResult | RuleSuppressedResult | null;

export interface EvaluationContext {
  asOf: Date;
  /** asOf in epoch milliseconds. */
  asOfMs: number;
  /** asOf as YYYY-MM-DD (UTC); ISO dates compare lexicographically. */
  asOfDate: string;
}

export interface RuleDefinition<C = unknown> {
  /** kebab-case, stable; stored in rulesets and screenings. */
  id: string;
  indicatorIds: readonly IndicatorId[];
  category: Category;
  severity: Severity;
  /** When a hit can carry a different severity, say when (shown in docs). */
  severityNote?: string;
  /**
   * "specific": the signal belongs to the scheme and is hard to explain innocently, so it may lift a candidate on its
   * own; "common": innocent explanations are common, so alone it stays LOW (corroboration model, ADR 0008).
   * Default (undefined): each hit follows its own severity — H specific, M and L common. A hit may override it
   * (RuleHitResult.specific).
   */
  specificity?: "specific" | "common";
  title: string;
  description: string;
  source: readonly SourceCode[];
  innocentExplanations: readonly string[];
  verificationStep: VerificationStepId;
  /** Names of the facts the rule reads (dotted paths), for docs and reviewers. */
  reads: readonly string[];
  configSchema: z.ZodType<C>;
  defaultConfig: C;
  evaluate: (facts: Facts, config: C, ctx: EvaluationContext) => RuleResult;
}

/** Identity function that keeps the config type tied to the schema. */
export function defineRule<C>(rule: RuleDefinition<C>): RuleDefinition<C> {
  return rule;
}

export const hit = (summary: string, evidence: Evidence[], severity?: Severity, options?: { specific?: boolean }): RuleHitResult => {
  const result: RuleHitResult = severity ? { kind: "hit", summary, evidence, severity } : { kind: "hit", summary, evidence };
  if (options?.specific !== undefined) result.specific = options.specific;
  return result;
};

/** The rule's declared specificity as a boolean, undefined when it follows each hit's severity. */
export const declaredSpecificity = (rule: Pick<RuleDefinition<unknown>, "specificity">): boolean | undefined =>
  rule.specificity === undefined ? undefined : rule.specificity === "specific";

export const suppressed = (reason: string, evidence: Evidence[]): RuleSuppressedResult => ({ kind: "suppressed", reason, evidence });
