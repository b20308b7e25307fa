import { describe, expect, it } from "vitest";
import { factsSchema, PROTECTED_ATTRIBUTE_KEYS } from "@/lib/engine";
import { cleanFacts, deepMerge, makeFacts } from "@/lib/engine/testing/make-facts";

describe("factsSchema", () => {
  it("accepts the clean profile and an empty (all-unknown) profile", () => {
    expect(factsSchema.safeParse(cleanFacts()).success).toBe(true);
    expect(factsSchema.safeParse({}).success).toBe(true);
  });

  it.each(PROTECTED_ATTRIBUTE_KEYS)("rejects a profile carrying the protected attribute %s at the top level", (key) => {
    const r = factsSchema.safeParse({ ...cleanFacts(), [key]: "any value" });
    expect(r.success).toBe(false);
  });

  const nested = ["candidate", "candidate.claimedLocation", "role", "sourcing", "application", "onboarding", "enrichment", "enrichment.phone", "linkage"];
  it.each(nested)("rejects protected attributes nested in %s", (path) => {
    for (const key of ["nationality", "citizenship", "ethnicity", "countryOfEducation", "accent", "languages"]) {
      const overrides = path.split(".").reduceRight<Record<string, unknown>>((acc, seg) => ({ [seg]: acc }), { [key]: "x" });
      const r = factsSchema.safeParse(deepMerge(cleanFacts(), overrides));
      expect(r.success, `${path}.${key}`).toBe(false);
    }
  });

  it("rejects unknown keys inside array items", () => {
    const f = cleanFacts();
    const r = factsSchema.safeParse({ ...f, workHistory: [{ employerName: "X", countryOfEducation: "KR" }] });
    expect(r.success).toBe(false);
  });

  it("distinguishes unknown (null / absent) from false", () => {
    const f = makeFacts({ onboarding: { faceMatchesInterview: null } });
    expect(f.onboarding?.faceMatchesInterview).toBeNull();
    expect(factsSchema.parse({ onboarding: {} }).onboarding?.faceMatchesInterview).toBeUndefined();
  });

  it("rejects malformed countries and dates", () => {
    expect(factsSchema.safeParse({ role: { country: "usa" } }).success).toBe(false);
    expect(factsSchema.safeParse({ application: { submittedAt: "yesterday" } }).success).toBe(false);
    expect(factsSchema.safeParse({ workHistory: [{ employerName: "X", start: "2020-13-01" }] }).success).toBe(false);
  });

  it("makeFacts deep-merges overrides and validates them", () => {
    const f = makeFacts({ candidate: { legalName: "Ana Ruiz" } });
    expect(f.candidate?.legalName).toBe("Ana Ruiz");
    expect(f.candidate?.claimedLocation?.country).toBe("US");
    expect(() => makeFacts({ role: { country: "zz" } })).toThrow();
  });
});
