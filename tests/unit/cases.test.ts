import { describe, expect, it } from "vitest";
import { CASE_REASON_CODE_IDS, CASE_REASON_CODES, closureNeedsApproval, recruiterCaseView, reasonCodesFor } from "@/lib/cases";
import { proposeCaseClosureSchema, assignCasesSchema } from "@/lib/schemas/case";

const caseId = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890";

describe("review-case policy (lib/cases.ts)", () => {
  it("four-eyes: not cleared and referred always, cleared only with a sanctions hit", () => {
    expect(closureNeedsApproval("NOT_CLEARED", false)).toBe(true);
    expect(closureNeedsApproval("REFERRED", false)).toBe(true);
    expect(closureNeedsApproval("CLEARED", false)).toBe(false);
    expect(closureNeedsApproval("CLEARED", true)).toBe(true);
  });

  it("a recruiter sees a status and proceed / do not proceed, nothing else", () => {
    expect(recruiterCaseView("OPEN")).toEqual({ status: "UNDER_REVIEW", proceed: null });
    expect(recruiterCaseView("PENDING_APPROVAL")).toEqual({ status: "UNDER_REVIEW", proceed: null });
    expect(recruiterCaseView("CLEARED")).toEqual({ status: "CLEARED", proceed: true });
    expect(recruiterCaseView("NOT_CLEARED")).toEqual({ status: "NOT_CLEARED", proceed: false });
    expect(recruiterCaseView("REFERRED")).toEqual({ status: "REFERRED", proceed: false });
  });

  it("every reason code supports at least one outcome, and each outcome has codes", () => {
    for (const code of CASE_REASON_CODE_IDS) expect(CASE_REASON_CODES[code].outcomes.length).toBeGreaterThan(0);
    for (const outcome of ["CLEARED", "NOT_CLEARED", "REFERRED"] as const) expect(reasonCodesFor(outcome).length).toBeGreaterThan(0);
    expect(reasonCodesFor("CLEARED")).not.toContain("SANCTIONS_MATCH_CONFIRMED");
  });
});

describe("case form schemas", () => {
  it("gathers reason-code checkboxes and refuses codes of another outcome, a referral without a target, no code", () => {
    const ok = proposeCaseClosureSchema.safeParse({ caseId, outcome: "REFERRED", referralTarget: "LAW_ENFORCEMENT", rationale: "Confirmed match, reported as required.", "reasonCode.SANCTIONS_MATCH_CONFIRMED": "on", "reasonCode.LEGAL_OBLIGATION": "on" });
    expect(ok.success && ok.data.reasonCodes).toEqual(["SANCTIONS_MATCH_CONFIRMED", "LEGAL_OBLIGATION"]);
    expect(proposeCaseClosureSchema.safeParse({ caseId, outcome: "REFERRED", rationale: "Confirmed match, reported as required.", "reasonCode.LEGAL_OBLIGATION": "on" }).success).toBe(false);
    expect(proposeCaseClosureSchema.safeParse({ caseId, outcome: "CLEARED", rationale: "Verified on a live call with ID.", "reasonCode.LEGAL_OBLIGATION": "on" }).success).toBe(false);
    expect(proposeCaseClosureSchema.safeParse({ caseId, outcome: "CLEARED", rationale: "Verified on a live call with ID." }).success).toBe(false);
    expect(proposeCaseClosureSchema.safeParse({ caseId, outcome: "CLEARED", rationale: "short", "reasonCode.IDENTITY_VERIFIED": "on" }).success).toBe(false);
  });

  it("a row's Claim button claims that one case; ticked rows are assigned together", () => {
    expect(assignCasesSchema.parse({ claim: caseId, assignee: "", [`case.${caseId.replace("0", "1")}`]: "on" })).toEqual({ caseIds: [caseId], assignee: "me" });
    const other = "7f1c2d3e-4a5b-4c6d-8e7f-901234567890";
    expect(assignCasesSchema.parse({ assignee: "", [`case.${caseId}`]: "on", [`case.${other}`]: "on" })).toEqual({ caseIds: [caseId, other], assignee: "" });
    expect(assignCasesSchema.safeParse({ assignee: "me" }).success).toBe(false);
  });
});
