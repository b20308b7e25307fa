// Security review cases (ADR 0011): statuses, the fixed list of reason codes, what a recruiter may see. Pure data so
// the UI, the zod schemas, the server and the docs (docs/review-cases.md) read the same list.

export const CASE_STATUSES = ["OPEN", "IN_REVIEW", "PENDING_APPROVAL", "CLEARED", "NOT_CLEARED", "REFERRED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A candidate has at most one case in these statuses (a partial unique index). */
export const OPEN_CASE_STATUSES = ["OPEN", "IN_REVIEW", "PENDING_APPROVAL"] as const satisfies readonly CaseStatus[];
export const CLOSED_CASE_STATUSES = ["CLEARED", "NOT_CLEARED", "REFERRED"] as const satisfies readonly CaseStatus[];
export type CaseOutcome = (typeof CLOSED_CASE_STATUSES)[number];

export const REFERRAL_TARGETS = ["COMPLIANCE", "LAW_ENFORCEMENT"] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export function isOpenCaseStatus(status: string): boolean {
  return (OPEN_CASE_STATUSES as readonly string[]).includes(status);
}

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  OPEN: "Open",
  IN_REVIEW: "In review",
  PENDING_APPROVAL: "Awaiting approval",
  CLEARED: "Cleared",
  NOT_CLEARED: "Not cleared",
  REFERRED: "Referred",
};

export const REFERRAL_TARGET_LABELS: Record<ReferralTarget, string> = { COMPLIANCE: "Compliance", LAW_ENFORCEMENT: "Law enforcement" };

/**
 * Why a case was closed. A fixed list (documented in docs/review-cases.md), so outcomes can be counted and a ruleset
 * backtested against them. Each code names the outcomes it may support. None of them is about who the candidate is
 * (nationality, origin, language, …): only about what was verified and what was found.
 */
export const CASE_REASON_CODES = {
  IDENTITY_VERIFIED: { label: "Identity verified (document check, live video with ID, references)", outcomes: ["CLEARED"] },
  LOCATION_VERIFIED: { label: "Claimed work location verified", outcomes: ["CLEARED"] },
  SIGNALS_EXPLAINED: { label: "Flagged signals have an accepted innocent explanation", outcomes: ["CLEARED"] },
  SANCTIONS_FALSE_POSITIVE: { label: "Sanctions name match ruled out (attributes disagree)", outcomes: ["CLEARED"] },
  LINKS_EXPLAINED: { label: "Shared identifiers explained (household, agency, shared office)", outcomes: ["CLEARED"] },
  IDENTITY_NOT_VERIFIED: { label: "Identity could not be verified", outcomes: ["NOT_CLEARED", "REFERRED"] },
  DOCUMENTS_INCONSISTENT: { label: "Documents or records inconsistent with the application", outcomes: ["NOT_CLEARED", "REFERRED"] },
  LOCATION_MISREPRESENTED: { label: "Claimed location contradicted by evidence", outcomes: ["NOT_CLEARED", "REFERRED"] },
  PROXY_OR_IMPERSONATION: { label: "Interview proxy or impersonation observed", outcomes: ["NOT_CLEARED", "REFERRED"] },
  DEVICE_FORWARDING: { label: "Equipment shipping diverted (laptop farm, reshipper)", outcomes: ["NOT_CLEARED", "REFERRED"] },
  PAYMENT_DIVERSION: { label: "Pay routed to an unrelated party or unusual rails", outcomes: ["NOT_CLEARED", "REFERRED"] },
  LINKED_TO_CONFIRMED_CASE: { label: "Linked to a candidate already not cleared or referred", outcomes: ["NOT_CLEARED", "REFERRED"] },
  SANCTIONS_MATCH_CONFIRMED: { label: "Sanctions match confirmed", outcomes: ["NOT_CLEARED", "REFERRED"] },
  CANDIDATE_WITHDREW_UNDER_REVIEW: { label: "Candidate withdrew when asked to verify", outcomes: ["NOT_CLEARED"] },
  LEGAL_OBLIGATION: { label: "Reporting obligation (legal or compliance requirement)", outcomes: ["REFERRED"] },
} as const satisfies Record<string, { label: string; outcomes: readonly CaseOutcome[] }>;

export type CaseReasonCode = keyof typeof CASE_REASON_CODES;
export const CASE_REASON_CODE_IDS = Object.keys(CASE_REASON_CODES) as CaseReasonCode[];

export function reasonCodesFor(outcome: CaseOutcome): CaseReasonCode[] {
  return CASE_REASON_CODE_IDS.filter((c) => (CASE_REASON_CODES[c].outcomes as readonly string[]).includes(outcome));
}

/**
 * Four-eyes: closing as NOT_CLEARED or REFERRED, and clearing a candidate with a sanctions hit on the latest screening,
 * needs a second analyst's approval. Clearing anyone else closes at once.
 */
export function closureNeedsApproval(outcome: CaseOutcome, hasSanctionsHit: boolean): boolean {
  return outcome !== "CLEARED" || hasSanctionsHit;
}

/** What a recruiter may see of a case: its status and whether to proceed — never notes, rationale or reason codes. */
export type RecruiterCaseView = { status: "UNDER_REVIEW" | "CLEARED" | "NOT_CLEARED" | "REFERRED"; proceed: boolean | null };

export function recruiterCaseView(status: CaseStatus): RecruiterCaseView {
  if (isOpenCaseStatus(status)) return { status: "UNDER_REVIEW", proceed: null };
  return { status: status as CaseOutcome, proceed: status === "CLEARED" };
}

/** Case events in the order of the lifecycle (case_transitions.event). */
export const CASE_EVENTS = ["opened", "reopened", "review_started", "closure_proposed", "closure_approved", "closure_rejected", "closed"] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** The rule whose hit makes clearing a candidate a four-eyes decision. */
export const SANCTIONS_RULE_ID = "sanctions-candidate-match";
