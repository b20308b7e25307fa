import { describe, expect, it } from "vitest";
import { defaultRuleset, evaluate, ruleRegistry, type Ruleset } from "@/lib/engine";
import { FIXED_AS_OF, makeFacts } from "@/lib/engine/testing/make-facts";
import { RULE_CASES } from "@/lib/engine/testing/rule-cases";

const asOf = FIXED_AS_OF;

describe("clean profile", () => {
  it("fires no rule, scores 0 and is CLEAR", () => {
    const a = evaluate(makeFacts(), defaultRuleset, { asOf });
    expect(a.hits).toEqual([]);
    expect(a.suppressed).toEqual([]);
    expect(a.score).toBe(0);
    expect(a.band).toBe("CLEAR");
    expect(a.verificationSteps).toEqual([]);
  });

  it("an empty profile (everything unknown) fires nothing", () => {
    const a = evaluate({}, defaultRuleset, { asOf });
    expect(a.hits).toEqual([]);
    expect(a.score).toBe(0);
  });
});

describe("every rule has table cases", () => {
  it.each(ruleRegistry.map((r) => r.id))("%s has at least one firing and one non-firing case", (id) => {
    expect(RULE_CASES[id]?.fires.length).toBeGreaterThan(0);
    expect(RULE_CASES[id]?.quiet.length).toBeGreaterThan(0);
  });
  it("has no cases for unknown rules", () => {
    expect(Object.keys(RULE_CASES).sort()).toEqual(ruleRegistry.map((r) => r.id).sort());
  });
});

for (const rule of ruleRegistry) {
  const cases = RULE_CASES[rule.id];
  describe(`${rule.id} (${rule.indicatorIds.join(", ")})`, () => {
    it.each(cases.fires.map((c) => [c.name, c] as const))("fires: %s", (_name, c) => {
      const a = evaluate(makeFacts(c.facts), defaultRuleset, { asOf });
      const hit = a.hits.find((h) => h.ruleId === rule.id);
      expect(hit, `expected ${rule.id} to fire`).toBeDefined();
      expect(hit!.severity).toBe(c.severity ?? rule.severity);
      expect(hit!.indicatorIds).toEqual(rule.indicatorIds);
      expect(hit!.evidence.length).toBeGreaterThan(0);
      for (const e of hit!.evidence) {
        expect(e.label.length).toBeGreaterThan(0);
        expect(e.value.length).toBeGreaterThan(0);
      }
      expect(hit!.summary).toMatch(/\.$/);
      expect(hit!.source.length).toBeGreaterThan(0);
      expect(hit!.innocentExplanations.length).toBeGreaterThan(0);
      expect(hit!.contribution).toBeGreaterThan(0);
      expect(a.verificationSteps.some((s) => s.id === rule.verificationStep && s.ruleIds.includes(rule.id))).toBe(true);
    });

    it.each(cases.quiet.map((c) => [c.name, c] as const))("does not fire: %s", (_name, c) => {
      const a = evaluate(makeFacts(c.facts), defaultRuleset, { asOf });
      expect(a.hits.find((h) => h.ruleId === rule.id)).toBeUndefined();
      if (c.suppressed) {
        const s = a.suppressed.find((x) => x.ruleId === rule.id);
        expect(s, `expected ${rule.id} to be recorded as suppressed`).toBeDefined();
        expect(s!.reason.length).toBeGreaterThan(0);
      }
    });

    it("does not fire when disabled in the ruleset", () => {
      const c = cases.fires[0];
      const config = structuredClone(defaultRuleset.config) as Ruleset["config"];
      config.rules[rule.id].enabled = false;
      const a = evaluate(makeFacts(c.facts), { version: "test-disabled", config }, { asOf });
      expect(a.hits.find((h) => h.ruleId === rule.id)).toBeUndefined();
    });
  });
}

describe("fairness constraints", () => {
  it("sanctions hits say they are candidates for review, not verdicts", () => {
    const a = evaluate(makeFacts(RULE_CASES["sanctions-candidate-match"].fires[0].facts), defaultRuleset, { asOf });
    const hit = a.hits.find((h) => h.ruleId === "sanctions-candidate-match")!;
    expect(hit.summary).toMatch(/candidate for compliance review, not a finding/);
    expect(a.verificationSteps[0].id).toBe("compliance-review");
  });

  it("a tentative E-Verify nonconfirmation is never scored", () => {
    const a = evaluate(makeFacts({ onboarding: { postOfferChecks: { eVerify: "tentative_nonconfirmation", ssnTrace: "pending" } } }), defaultRuleset, { asOf });
    expect(a.score).toBe(0);
  });

  it("camera refusal is suppressed by a requested accommodation even before the alternative path is completed", () => {
    const a = evaluate(makeFacts({ accommodation: { requested: true }, interviews: [{ round: 1, cameraDeclined: true }] }), defaultRuleset, { asOf });
    expect(a.hits).toEqual([]);
    expect(a.suppressed.map((s) => s.ruleId)).toContain("camera-refusal");
  });
});
