import { describe, expect, it } from "vitest";
import { defaultRuleset, evaluate, factsSchema } from "@/lib/engine";
import { FIXED_AS_OF, makeFacts } from "@/lib/engine/testing/make-facts";
import { explainFlagSchema, reviewExplanationSchema } from "@/lib/schemas/explanation";
import { guessImportMapping } from "@/lib/schemas/import";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { applyAcceptedExplanations, type AcceptedExplanation } from "@/lib/server/explanations/apply-accepted-explanations";
import { evidenceFingerprint } from "@/lib/server/explanations/evidence-fingerprint";
import { mapImportRow } from "@/lib/server/imports/map-import-row";

const asOf = FIXED_AS_OF;
const UUID = "0b6f7a52-8d0e-4a57-9a53-2f7c1d3e4b5a";
const parents = { line1: "9 Elm Road", city: "Dayton", region: "OH", postalCode: "45402", country: "US" };

// The clean profile plus a ship-to at the parents' address and a payout account abroad: two hits of different rules.
const facts = makeFacts({
  onboarding: { equipment: { shipTo: parents, shipToReason: "Staying with my parents while I move" }, payment: { accountCountry: "AE" } },
});

function accepted(ruleId: string, fingerprint: string, over: Partial<AcceptedExplanation> = {}): AcceptedExplanation {
  return {
    id: UUID,
    candidateId: "c",
    ruleId,
    fingerprint,
    explanation: "Relocating; lease seen.",
    reference: "HR-4411",
    explainedBy: "Rita Recruiter",
    explainedAt: "2026-11-01T10:00:00.000Z",
    acceptedBy: "Sam Security",
    acceptedAt: "2026-11-02T09:30:00.000Z",
    note: "Lease checked.",
    ...over,
  };
}

describe("evidence fingerprint", () => {
  it("ignores context items, case, whitespace and order", () => {
    const a = [
      { label: "Home address (ID / I-9)", value: "1200 Oak Street, Columbus" },
      { label: "Ship-to address", value: "9 Elm Road, Dayton" },
    ];
    const b = [
      { label: "ship-to address", value: "9  ELM ROAD, Dayton " },
      { label: "Reason given for this address", value: "anything at all", context: true as const },
      { label: "Home address (ID / I-9)", value: "1200 oak street, columbus" },
    ];
    expect(evidenceFingerprint(a)).toBe(evidenceFingerprint(b));
  });
  it("changes when the finding changes", () => {
    const a = [{ label: "Ship-to address", value: "9 Elm Road, Dayton" }];
    expect(evidenceFingerprint(a)).not.toBe(evidenceFingerprint([{ label: "Ship-to address", value: "77 Harbour Way, Miami" }]));
    expect(evidenceFingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("applyAcceptedExplanations", () => {
  const base = evaluate(facts, defaultRuleset, { asOf });
  const shipHit = base.hits.find((h) => h.ruleId === "ship-to-differs-from-home")!;

  it("the profile fires both rules, and the stated reason is context evidence", () => {
    expect(shipHit).toBeDefined();
    expect(shipHit.evidence.at(-1)).toEqual({ label: "Reason given for this address", value: "Staying with my parents while I move", context: true });
    const pay = base.hits.find((h) => h.ruleId === "money-transfer-onward")!;
    expect(pay.severity).toBe("M");
    expect(pay.evidence).toContainEqual({ label: "Payout account held in", value: "AE" });
  });

  it("moves a matching hit to suppressed with who/when/why, scored as the engine scores the profile without it", () => {
    const { assessment, applied } = applyAcceptedExplanations(base, { facts, ruleset: defaultRuleset, asOf, accepted: [accepted("ship-to-differs-from-home", evidenceFingerprint(shipHit.evidence))] });
    expect(applied).toEqual([UUID]);
    expect(assessment.hits.map((h) => h.ruleId)).toEqual(["money-transfer-onward"]);
    const withoutRule = evaluate(facts, { version: 1, config: { ...defaultRuleset.config, rules: { ...defaultRuleset.config.rules, "ship-to-differs-from-home": { ...defaultRuleset.config.rules["ship-to-differs-from-home"], enabled: false } } } }, { asOf });
    expect(assessment.score).toBe(withoutRule.score);
    expect(assessment.score).toBeLessThan(base.score);
    const s = assessment.suppressed.find((x) => x.ruleId === "ship-to-differs-from-home")!;
    expect(s.reason).toBe("Explanation accepted by Sam Security on Nov 2, 2026: Lease checked.");
    expect(s.evidence).toEqual(shipHit.evidence);
    expect(s.explanation).toMatchObject({ explainedBy: "Rita Recruiter", acceptedBy: "Sam Security", acceptedAt: "2026-11-02T09:30:00.000Z", reference: "HR-4411" });
    expect(assessment.verificationSteps.flatMap((v) => v.ruleIds)).not.toContain("ship-to-differs-from-home");
  });

  it("leaves the assessment alone for another finding or another rule", () => {
    const other = applyAcceptedExplanations(base, { facts, ruleset: defaultRuleset, asOf, accepted: [accepted("ship-to-differs-from-home", evidenceFingerprint([{ label: "Ship-to address", value: "elsewhere" }]))] });
    expect(other.applied).toEqual([]);
    expect(other.assessment).toBe(base);
    const wrongRule = applyAcceptedExplanations(base, { facts, ruleset: defaultRuleset, asOf, accepted: [accepted("payee-differs", evidenceFingerprint(shipHit.evidence))] });
    expect(wrongRule.assessment).toBe(base);
  });
});

describe("new profile fields", () => {
  const sub = (onboarding: unknown) => candidateSubmissionSchema.safeParse({ stage: "ONBOARDING", profile: { candidate: { legalName: "A B", email: "a@example.org" }, onboarding } });
  it("accept a country code and a stated reason, refuse bad ones", () => {
    expect(sub({ payment: { accountCountry: "DE" }, equipment: { shipToReason: "Staying with family" } }).success).toBe(true);
    expect(sub({ payment: { accountCountry: "Germany" } }).success).toBe(false);
    expect(sub({ equipment: { shipToReason: "x".repeat(1001) } }).success).toBe(false);
    expect(sub({ equipment: { shipToReason: "   " } }).success).toBe(false);
    expect(factsSchema.safeParse({ onboarding: { payment: { accountCountry: "de" } } }).success).toBe(false);
  });

  it("are mapped from CSV columns, with the column named on a bad value", () => {
    const columns = ["Name", "Email", "Bank Country", "Shipping Reason"];
    const mapping = guessImportMapping(columns);
    expect(mapping).toMatchObject({ payoutAccountCountry: "Bank Country", shipToReason: "Shipping Reason" });
    const ok = mapImportRow({ Name: "Robin Example", Email: "robin@example.org", "Bank Country": "ae", "Shipping Reason": "Moving house" }, mapping);
    expect(ok).toMatchObject({ ok: true, submission: { profile: { onboarding: { payment: { accountCountry: "AE" }, equipment: { shipToReason: "Moving house" } } } } });
    const bad = mapImportRow({ Name: "Robin Example", Email: "robin@example.org", "Bank Country": "Atlantis", "Shipping Reason": "" }, mapping);
    expect(bad).toMatchObject({ ok: false, issues: [{ field: "Bank Country" }] });
  });
});

describe("explanation inputs", () => {
  const base = { candidateId: UUID, screeningId: UUID, ruleId: "ship-to-differs-from-home", explanation: "Relocating; lease for the new flat seen." };
  it("requires a real explanation and allows a document name or an http(s) link as reference", () => {
    expect(explainFlagSchema.safeParse(base).success).toBe(true);
    expect(explainFlagSchema.safeParse({ ...base, reference: "Lease 2026-03.pdf in the HR drive" }).success).toBe(true);
    expect(explainFlagSchema.safeParse({ ...base, reference: "https://hr.example.com/tickets/4411" }).success).toBe(true);
    expect(explainFlagSchema.safeParse({ ...base, reference: "javascript:alert(1)" }).success).toBe(false);
    expect(explainFlagSchema.safeParse({ ...base, explanation: "ok" }).success).toBe(false);
    expect(explainFlagSchema.safeParse({ ...base, screeningId: "nope" }).success).toBe(false);
  });
  it("a review needs an outcome and a reason", () => {
    expect(reviewExplanationSchema.safeParse({ explanationId: UUID, outcome: "ACCEPTED", note: "Lease checked." }).success).toBe(true);
    expect(reviewExplanationSchema.safeParse({ explanationId: UUID, outcome: "ACCEPTED", note: "" }).success).toBe(false);
    expect(reviewExplanationSchema.safeParse({ explanationId: UUID, outcome: "MAYBE", note: "Lease checked." }).success).toBe(false);
  });
});
