import { describe, expect, it } from "vitest";
import {
  compileRuleset,
  defaultRuleset,
  defaultRulesetConfig,
  evaluate,
  parseRulesetConfig,
  ruleRegistry,
  RulesetConfigError,
  safeParseRulesetConfig,
} from "@/lib/engine";
import { FIXED_AS_OF, makeFacts } from "@/lib/engine/testing/make-facts";

const clone = () => structuredClone(defaultRulesetConfig) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(input: unknown) {
  const r = safeParseRulesetConfig(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues;
}

describe("ruleset config", () => {
  it("the default ruleset validates, names every rule, enables all and is frozen", () => {
    expect(() => parseRulesetConfig(defaultRulesetConfig)).not.toThrow();
    expect(Object.keys(defaultRulesetConfig.rules)).toEqual(ruleRegistry.map((r) => r.id));
    expect(Object.values(defaultRulesetConfig.rules).every((r) => r.enabled)).toBe(true);
    expect(Object.isFrozen(defaultRulesetConfig)).toBe(true);
    expect(Object.isFrozen(defaultRulesetConfig.rules["name-mismatch"])).toBe(true);
    expect(defaultRuleset.version).toBe(1);
  });

  it("every rule's default config passes its own schema", () => {
    for (const r of ruleRegistry) expect(r.configSchema.safeParse(r.defaultConfig).success, r.id).toBe(true);
  });

  it("fails closed on an invalid rule config, naming the path", () => {
    const c = clone();
    c.rules["near-duplicate-resume"].config.minSimilarity = 1.5;
    c.rules["overlapping-jobs"].config = { maxOverlapMonths: "three" };
    const issues = issuesOf(c);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(["rules.near-duplicate-resume.config.minSimilarity", "rules.overlapping-jobs.config.maxOverlapMonths"]));
    expect(() => parseRulesetConfig(c)).toThrow(RulesetConfigError);
    expect(() => parseRulesetConfig(c)).toThrow(/near-duplicate-resume/);
  });

  it("rejects unknown config keys in a rule (strict schemas)", () => {
    const c = clone();
    c.rules["shared-ship-to"].config.surprise = true;
    expect(issuesOf(c).some((i) => i.path.startsWith("rules.shared-ship-to.config"))).toBe(true);
  });

  it("rejects thresholds that are not strictly ascending", () => {
    const c = clone();
    c.bandThresholds = { LOW: 1, ELEVATED: 60, HIGH: 50, CRITICAL: 75 };
    expect(issuesOf(c).map((i) => i.path)).toContain("bandThresholds.HIGH");
  });

  it("rejects unknown and missing rules", () => {
    const c = clone();
    c.rules["made-up-rule"] = { enabled: true, weight: 1, config: {} };
    delete c.rules["flagged-referrer"];
    const paths = issuesOf(c).map((i) => i.path);
    expect(paths).toContain("rules.made-up-rule");
    expect(paths).toContain("rules.flagged-referrer");
  });

  it("rejects out-of-range weights and points", () => {
    const c = clone();
    c.rules["camera-refusal"].weight = -1;
    c.severityPoints.H = 140;
    const paths = issuesOf(c).map((i) => i.path);
    expect(paths).toContain("rules.camera-refusal.weight");
    expect(paths).toContain("severityPoints.H");
  });

  it("evaluate refuses to score with an invalid ruleset", () => {
    const c = clone();
    c.lowSeverityCap = "lots";
    expect(() => evaluate(makeFacts(), { version: 99, config: c as never }, { asOf: FIXED_AS_OF })).toThrow(RulesetConfigError);
  });

  it("compiles once per ruleset object", () => {
    expect(compileRuleset(defaultRuleset)).toBe(compileRuleset(defaultRuleset));
  });

  it("records the ruleset and engine versions on every assessment", () => {
    const a = evaluate(makeFacts(), { version: "2026-11-01.3", config: defaultRulesetConfig }, { asOf: FIXED_AS_OF });
    expect(a.rulesetVersion).toBe("2026-11-01.3");
    expect(a.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(a.asOf).toBe(FIXED_AS_OF.toISOString());
  });

  it("weights change a rule's points without editing the published ruleset", () => {
    const c = clone();
    c.rules["near-duplicate-resume"].weight = 2;
    const facts = makeFacts({ linkage: { nearDuplicateResumes: [{ candidateId: "x", similarity: 0.99 }] } });
    const before = evaluate(facts, defaultRuleset, { asOf: FIXED_AS_OF });
    const after = evaluate(facts, { version: 2, config: parseRulesetConfig(c) }, { asOf: FIXED_AS_OF });
    expect(before.score).toBe(20);
    // Doubled to 40 points, but still one common signal: the corroboration model holds it at the LOW ceiling.
    expect(after.hits[0].points).toBe(40);
    expect(after.score).toBe(24);
    expect(after.corroboration?.capped).toBe(true);
    const { corroboration: _c, ...engine1 } = c;
    expect(evaluate(facts, { version: 3, config: parseRulesetConfig(engine1) }, { asOf: FIXED_AS_OF }).score).toBe(40);
    expect(defaultRulesetConfig.rules["near-duplicate-resume"].weight).toBe(1);
  });
});
