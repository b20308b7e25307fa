/**
 * Verification steps the advisories recommend. A flag may *recommend* a step; the step itself is the same for
 * everyone at that stage (design rule 3), and identity steps are always offered with an alternative path
 * (design rule 4). Catalog order is the tie-break when severities are equal.
 */
import { SEVERITY_RANK, type Severity } from "./catalog";

export const VERIFICATION_STEPS = {
  "compliance-review": "Send the possible sanctions match to compliance for review; do not act on the candidate until compliance has decided.",
  "security-incident-response": "Open a security incident: preserve logs, review repository and data access, and involve legal before contacting the worker.",
  "device-inspection": "Have IT inspect the company device (serial, installed remote-access software, attached hardware such as IP-KVMs) and where it connects from.",
  "confirm-ship-to": "Confirm the equipment ship-to address against the identity document and I-9 address by phone to an independently verified number; ship only to the verified home address or an office.",
  "verify-payee": "Verify that the bank-account holder or payee is the worker (bank account ownership check) before the first payroll run.",
  "post-offer-recheck": "Follow the standard post-offer process (SSA/E-Verify referral and the candidate's chance to contest) before drawing conclusions.",
  "independent-employer-contact": "Contact former employers and schools through independently found numbers (registry, official website), not the contacts on the résumé.",
  "independent-reference-check": "Re-do reference checks using contact details you source independently, and ask for verifiable statements of work.",
  "live-identity-check": "Hold a live video check: the candidate passes a hand in front of the face and turns their head, with the camera on, and compares to the ID.",
  "alternative-identity-proofing": "Offer notarized or in-person ID proofing (in-person site or notary), as an alternative path available to everyone.",
  "show-surroundings": "In a live call, ask the candidate to show their surroundings and discuss the claimed city (local landmarks, commute).",
  "review-linked-applicants": "Review the linked applicant records side by side (shared identifiers, addresses, résumés) before deciding anything about this one.",
  "agency-direct-verification": "Ask the staffing agency for direct identity verification of the worker (live video with ID, or notary); escalate if the agency refuses.",
  "profile-review": "Review the candidate's public profiles against the résumé (history, photos, repository activity) and ask about differences.",
  "proctored-technical-test": "Run a live, camera-on technical exercise where the candidate explains their reasoning as they work.",
  "confirm-working-hours": "Discuss working hours and time zone expectations with the candidate and review access logs.",
  "confirm-payment-method": "Explain the company's standard payment methods and ask the candidate why they need a different one.",
  "confirm-name-history": "Ask the candidate about the name differences and, if relevant, for documentation of a legal name change.",
} as const;

export type VerificationStepId = keyof typeof VERIFICATION_STEPS;
export const VERIFICATION_STEP_IDS = Object.keys(VERIFICATION_STEPS) as VerificationStepId[];
const CATALOG_ORDER = new Map(VERIFICATION_STEP_IDS.map((id, i) => [id, i]));

export interface RecommendedStep {
  id: VerificationStepId;
  text: string;
  /** Highest severity among the hits that recommend it. */
  severity: Severity;
  ruleIds: string[];
}

/** Deduplicate steps across hits and order them by severity, then by total contribution, then catalog order. */
type StepInput = { ruleId: string; severity: Severity; contribution: number; verificationStep: VerificationStepId | { id: VerificationStepId } };

export function recommendSteps(hits: readonly StepInput[]): RecommendedStep[] {
  if (hits.length === 0) return [];
  const byId = new Map<VerificationStepId, RecommendedStep & { weight: number }>();
  for (const hit of hits) {
    const stepId = typeof hit.verificationStep === "string" ? hit.verificationStep : hit.verificationStep.id;
    const step = byId.get(stepId);
    if (!step) {
      byId.set(stepId, {
        id: stepId,
        text: VERIFICATION_STEPS[stepId],
        severity: hit.severity,
        ruleIds: [hit.ruleId],
        weight: hit.contribution,
      });
    } else {
      step.ruleIds.push(hit.ruleId);
      step.weight += hit.contribution;
      if (SEVERITY_RANK[hit.severity] > SEVERITY_RANK[step.severity]) step.severity = hit.severity;
    }
  }
  if (byId.size === 1) {
    const only = byId.values().next().value!;
    return [{ id: only.id, text: only.text, severity: only.severity, ruleIds: only.ruleIds }];
  }
  return [...byId.values()]
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        b.weight - a.weight ||
        CATALOG_ORDER.get(a.id)! - CATALOG_ORDER.get(b.id)!,
    )
    .map(({ id, text, severity, ruleIds }) => ({ id, text, severity, ruleIds }));
}
