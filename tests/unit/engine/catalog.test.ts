import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORIES, INDICATORS, indicatorCoverage, ruleCatalog, ruleRegistry, SOURCES, UNCOVERED_INDICATORS, VERIFICATION_STEPS } from "@/lib/engine";
import { recommendSteps } from "@/lib/engine/verification";

describe("indicator catalog and coverage", () => {
  it("lists all 45 indicators with unique ids", () => {
    expect(INDICATORS).toHaveLength(45);
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(45);
  });

  it("covers at least 40 indicators, and every uncovered one has a reason", () => {
    const cov = indicatorCoverage();
    expect(cov.filter((c) => c.covered).length).toBeGreaterThanOrEqual(40);
    for (const c of cov.filter((x) => !x.covered)) expect(UNCOVERED_INDICATORS[c.id]).toBeTruthy();
  });

  it("covers every category", () => {
    for (const cat of CATEGORIES) expect(ruleRegistry.some((r) => r.category === cat), cat).toBe(true);
  });

  it("the work-history, payroll, agency and linkage indicators named in the issue are covered", () => {
    const covered = new Set(indicatorCoverage().filter((c) => c.covered).map((c) => c.id));
    for (const id of ["WH-01", "WH-05", "WH-07", "WH-10", "EQ-01", "PAY-01", "PAY-02", "LNK-01", "LNK-02", "LNK-03", "LNK-04", "LNK-06", "LNK-07"]) expect(covered.has(id), id).toBe(true);
  });
});

describe("rule registry", () => {
  it("has one file per rule, and every file is registered", () => {
    const dir = path.join(import.meta.dirname, "../../../lib/engine/rules");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, "")).sort();
    expect(files).toEqual(ruleRegistry.map((r) => r.id).sort());
  });

  it.each(ruleRegistry.map((r) => [r.id, r] as const))("%s is well formed", (id, r) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.indicatorIds.length).toBeGreaterThan(0);
    for (const ind of r.indicatorIds) {
      const indicator = INDICATORS.find((i) => i.id === ind);
      expect(indicator, ind).toBeDefined();
      expect(indicator!.category).toBe(r.category);
    }
    expect(r.source.length).toBeGreaterThan(0);
    for (const s of r.source) expect(SOURCES[s]).toBeTruthy();
    expect(r.innocentExplanations.length).toBeGreaterThan(0);
    expect(VERIFICATION_STEPS[r.verificationStep]).toBeTruthy();
    expect(r.title.length).toBeGreaterThan(0);
    expect(r.description.length).toBeGreaterThan(20);
    expect(r.reads.length).toBeGreaterThan(0);
  });

  it("rule ids are unique", () => {
    expect(new Set(ruleRegistry.map((r) => r.id)).size).toBe(ruleRegistry.length);
  });

  it("never reads a protected attribute", () => {
    const banned = /nationality|citizenship|ethnic|\brace\b|nameOrigin|romani[sz]ation|language|accent|fluency|countryOfEducation|photoTraits/i;
    for (const r of ruleRegistry) for (const read of r.reads) expect(read, `${r.id} reads ${read}`).not.toMatch(banned);
  });

  it("exposes a serialisable catalog for the Rules page", () => {
    const cat = ruleCatalog();
    expect(cat).toHaveLength(ruleRegistry.length);
    expect(() => JSON.stringify(cat)).not.toThrow();
    expect(cat.find((c) => c.id === "camera-refusal")).toMatchObject({ severity: "M", points: 20, enabled: true });
  });
});

describe("recommended verification steps", () => {
  it("deduplicates and orders by severity, then contribution, then catalog order", () => {
    const steps = recommendSteps([
      { ruleId: "a", severity: "M", contribution: 10, verificationStep: "show-surroundings" },
      { ruleId: "b", severity: "L", contribution: 3, verificationStep: "show-surroundings" },
      { ruleId: "c", severity: "H", contribution: 20, verificationStep: "confirm-ship-to" },
      { ruleId: "d", severity: "M", contribution: 14, verificationStep: "independent-employer-contact" },
    ]);
    expect(steps.map((s) => s.id)).toEqual(["confirm-ship-to", "independent-employer-contact", "show-surroundings"]);
    expect(steps[2].ruleIds).toEqual(["a", "b"]);
    expect(steps[2].severity).toBe("M");
  });
});
