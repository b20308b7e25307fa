import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandFor, CATEGORIES, defaultRuleset, defaultRulesetConfig, engine1RulesetConfig, evaluate, parseRulesetConfig, ruleRegistry, scoreHits, type Severity } from "@/lib/engine";
import { deepMerge, FIXED_AS_OF, makeFacts } from "@/lib/engine/testing/make-facts";
import { RULE_CASES } from "@/lib/engine/testing/rule-cases";

const cfg = defaultRulesetConfig;
const cfg1 = engine1RulesetConfig;
const sev = fc.constantFrom<Severity>("H", "M", "L");
const hitArb = fc.record(
  {
    severity: sev,
    weight: fc.double({ min: 0, max: 10, noNaN: true }),
    category: fc.constantFrom(...CATEGORIES),
    specific: fc.option(fc.boolean(), { nil: undefined }),
    indicator: fc.option(fc.constantFrom("A-1", "A-2", "B-1"), { nil: undefined }),
  },
  { requiredKeys: ["severity", "weight"] },
);
const cfgArb = fc.constantFrom(cfg, cfg1);

describe("scoreHits", () => {
  it("no hits → 0", () => {
    expect(scoreHits([], cfg)).toMatchObject({ score: 0, contributions: [] });
  });

  it("engine 1 (no corroboration section): one H hit is worth its points; H+M combine below their sum", () => {
    expect(scoreHits([{ severity: "H", weight: 1 }], cfg1).score).toBe(40);
    expect(scoreHits([{ severity: "H", weight: 1 }, { severity: "M", weight: 1 }], cfg1).score).toBe(52);
    expect(scoreHits([{ severity: "H", weight: 1 }], cfg1).corroboration).toBeNull();
  });

  it("corroboration model: one common signal stays LOW whatever its weight; a specific one lifts alone", () => {
    const commonH = scoreHits([{ severity: "H", weight: 1, category: "EQUIPMENT", specific: false }], cfg);
    expect(commonH.score).toBe(24);
    expect(commonH.corroboration).toMatchObject({ capped: true, signals: 1, categories: 1, base: 50 });
    expect(bandFor(commonH.score, cfg.bandThresholds)).toBe("LOW");
    expect(scoreHits([{ severity: "M", weight: 10, category: "LINKAGE" }], cfg).score).toBe(24);
    const specificH = scoreHits([{ severity: "H", weight: 1, category: "IDENTITY", specific: true }], cfg);
    expect(specificH.score).toBe(50);
    expect(bandFor(specificH.score, cfg.bandThresholds)).toBe("HIGH");
    // Common L hits are never signals: their pool stays under its cap.
    expect(scoreHits(Array.from({ length: 6 }, () => ({ severity: "L" as const, weight: 1, category: "LOCATION" as const })), cfg).score).toBe(15);
  });

  it("corroboration model: two hits of one indicator are one signal (a relocation's ship-to that also changed late stays LOW)", () => {
    const sameFact = scoreHits(
      [
        { severity: "M", weight: 1, category: "EQUIPMENT", indicator: "EQ-01" },
        { severity: "M", weight: 1, category: "EQUIPMENT", indicator: "EQ-01" },
      ],
      cfg,
    );
    expect(sameFact.corroboration).toMatchObject({ signals: 1, capped: true });
    expect(sameFact.score).toBe(24);
    const twoFacts = scoreHits(
      [
        { severity: "M", weight: 1, category: "EQUIPMENT", indicator: "EQ-01" },
        { severity: "M", weight: 1, category: "EQUIPMENT", indicator: "EQ-03" },
      ],
      cfg,
    );
    expect(twoFacts.corroboration).toMatchObject({ signals: 2, categories: 1, capped: false });
    expect(twoFacts.score).toBeGreaterThan(sameFact.score);
  });

  it("corroboration model: two M signals in different categories reach HIGH, in one category they do not", () => {
    // 1 − (0.8 × 0.8) = 0.36; across two categories the exponent is 1.75: 1 − 0.64^1.75 = 0.5417.
    const cross = scoreHits([{ severity: "M", weight: 1, category: "IDENTITY" }, { severity: "M", weight: 1, category: "LOCATION" }], cfg);
    expect(cross.exact).toBeCloseTo(100 * (1 - Math.pow(0.64, 1.75)), 6);
    expect(cross.score).toBe(54);
    expect(cross.corroboration).toMatchObject({ signals: 2, categories: 2, multiplier: 1.75, capped: false, base: 36 });
    const same = scoreHits([{ severity: "M", weight: 1, category: "IDENTITY" }, { severity: "M", weight: 1, category: "IDENTITY" }], cfg);
    expect(same.score).toBe(Math.round(100 * (1 - Math.pow(0.64, 1 + cfg.corroboration!.sameCategoryBonus))));
    expect(bandFor(same.score, cfg.bandThresholds)).toBe("ELEVATED");
    expect(cross.contributions.reduce((a, b) => a + b, 0)).toBe(cross.score);
  });

  it("caps the combined L contribution", () => {
    const many = Array.from({ length: 10 }, () => ({ severity: "L" as const, weight: 1 }));
    const r = scoreHits(many, cfg);
    expect(r.score).toBe(cfg.lowSeverityCap);
    expect(r.lowSeverityCapApplied).toBe(true);
    expect(bandFor(r.score, cfg.bandThresholds)).toBe("LOW");
  });

  it("property: score is an integer in [0, 100] and contributions sum to it", () => {
    fc.assert(
      fc.property(fc.array(hitArb, { maxLength: 30 }), cfgArb, (hits, cfg) => {
        const r = scoreHits(hits, cfg);
        expect(Number.isInteger(r.score)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.contributions.reduce((a, b) => a + b, 0)).toBe(r.score);
        for (const c of r.contributions) expect(c).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it("property: adding a hit never lowers the score (at any position)", () => {
    fc.assert(
      fc.property(fc.array(hitArb, { maxLength: 20 }), hitArb, fc.nat(), cfgArb, (hits, extra, pos, cfg) => {
        const before = scoreHits(hits, cfg).score;
        const more = [...hits];
        more.splice(pos % (hits.length + 1), 0, extra);
        expect(scoreHits(more, cfg).score).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: raising a weight never lowers the score", () => {
    fc.assert(
      fc.property(fc.array(hitArb, { minLength: 1, maxLength: 20 }), fc.nat(), fc.double({ min: 0, max: 5, noNaN: true }), cfgArb, (hits, i, delta, cfg) => {
        const k = i % hits.length;
        const raised = hits.map((h, j) => (j === k ? { ...h, weight: Math.min(10, h.weight + delta) } : h));
        expect(scoreHits(raised, cfg).score).toBeGreaterThanOrEqual(scoreHits(hits, cfg).score);
      }),
      { numRuns: 500 },
    );
  });

  it("property: the score does not depend on hit order", () => {
    fc.assert(
      fc.property(fc.array(hitArb, { maxLength: 20 }), cfgArb, (hits, cfg) => {
        expect(scoreHits([...hits].reverse(), cfg).score).toBe(scoreHits(hits, cfg).score);
      }),
    );
  });
});

describe("evaluate properties", () => {
  const fireCases = ruleRegistry.flatMap((r) => RULE_CASES[r.id].fires.map((c) => c.facts));
  const profileArb = fc.subarray(fireCases, { maxLength: 6 }).map((overrides) => makeFacts(overrides.reduce((acc, o) => deepMerge(acc, o), {})));
  const subsetArb = fc.subarray(ruleRegistry.map((r) => r.id));

  it("property: deterministic — same facts, ruleset and asOf give identical assessments", () => {
    fc.assert(
      fc.property(profileArb, (facts) => {
        const a = evaluate(facts, defaultRuleset, { asOf: FIXED_AS_OF });
        const b = evaluate(structuredClone(facts), defaultRuleset, { asOf: new Date(FIXED_AS_OF.getTime()) });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it("property: enabling more rules never lowers the score; score within bounds; contributions sum", () => {
    fc.assert(
      fc.property(profileArb, subsetArb, subsetArb, (facts, a, b) => {
        const small = new Set(a);
        const large = new Set([...a, ...b]);
        const rs = (enabled: Set<string>, v: string) => {
          const c = structuredClone(defaultRulesetConfig) as typeof defaultRulesetConfig;
          for (const id of Object.keys(c.rules)) c.rules[id].enabled = enabled.has(id);
          return { version: v, config: parseRulesetConfig(c) };
        };
        const s = evaluate(facts, rs(small, "small"), { asOf: FIXED_AS_OF });
        const l = evaluate(facts, rs(large, "large"), { asOf: FIXED_AS_OF });
        expect(l.score).toBeGreaterThanOrEqual(s.score);
        for (const x of [s, l]) {
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(100);
          expect(x.hits.reduce((acc, h) => acc + h.contribution, 0)).toBe(x.score);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("bands follow the admin thresholds", () => {
    const t = defaultRulesetConfig.bandThresholds;
    expect(bandFor(0, t)).toBe("CLEAR");
    expect(bandFor(t.LOW, t)).toBe("LOW");
    expect(bandFor(t.ELEVATED, t)).toBe("ELEVATED");
    expect(bandFor(t.HIGH - 1, t)).toBe("ELEVATED");
    expect(bandFor(t.CRITICAL, t)).toBe("CRITICAL");
    expect(bandFor(100, t)).toBe("CRITICAL");
  });
});
