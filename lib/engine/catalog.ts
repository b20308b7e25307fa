/**
 * The indicator catalog from /work/shared/domain/red-flags.md, as data: ids, severities and sources are what
 * rules cite, docs/rules.md renders and the Rules page shows. Ids are stable.
 */

export const CATEGORIES = ["IDENTITY", "LOCATION", "WORK_HISTORY", "COMMUNICATION", "PAYMENT", "EQUIPMENT", "LINKAGE"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TITLES: Record<Category, string> = {
  IDENTITY: "Identity",
  LOCATION: "Location and infrastructure",
  WORK_HISTORY: "Work history and online profile",
  COMMUNICATION: "Communication and behaviour",
  PAYMENT: "Payment and payroll",
  EQUIPMENT: "Equipment and onboarding",
  LINKAGE: "Cross-applicant linkage",
};

export const SEVERITIES = ["H", "M", "L"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { H: 3, M: 2, L: 1 };
export const SEVERITY_TITLES: Record<Severity, string> = {
  H: "High — specific to the scheme, hard to explain innocently",
  M: "Medium — innocent explanations are common",
  L: "Low — weak alone, only meaningful in combination",
};

export const SOURCES = {
  ADV22: 'State/Treasury/FBI, "Guidance on the DPRK Information Technology Workers", 16 May 2022',
  PSA23: "US–ROK public service announcement, 18 Oct 2023 (ic3.gov PSA231018)",
  PSA24: "FBI PSA, 16 May 2024 (US-based facilitators, laptop farms)",
  PSA25: "FBI PSA I-012325-PSA, 23 Jan 2025 (data extortion; mitigations)",
  TRI25: "US–Japan–ROK joint statement, 27 Aug 2025",
  JP24: "Japan NPA/MOFA/MOF/METI advisory, 26 Mar 2024",
  BfV24: "German BfV private-sector advisory 02/2024",
  NYDFS24: "NY Department of Financial Services industry letter, Nov 2024",
  MSFT25: 'Microsoft Threat Intelligence, "Jasper Sleet", 30 Jun 2025',
  MAND24: "Mandiant, UNC5267, Sep 2024",
  GTIG25: "Google Threat Intelligence Group, Apr 2025",
  DOJ: "Department of Justice cases (Chapman 2024–25; Dec 2024 Yanbian Silverstar indictment; Jun 2025 actions)",
  DTEX: "DTEX research on DPRK IT worker personas",
  SEAL: "Industry reporting (Security Alliance, SEAL)",
  OFAC: "US Treasury, Office of Foreign Assets Control — SDN list",
} as const;
export type SourceCode = keyof typeof SOURCES;

export interface Indicator {
  id: string;
  category: Category;
  /** Nominal severity used for sorting; `severityText` keeps the catalog's nuance (e.g. "M→H"). */
  severity: Severity;
  severityText: string;
  title: string;
  sources: readonly SourceCode[];
}

const ind = (id: string, category: Category, severityText: string, title: string, sources: SourceCode[]): Indicator => ({
  id,
  category,
  severity: (severityText.startsWith("H") ? "H" : severityText.startsWith("M") ? "M" : "L") as Severity,
  severityText,
  title,
  sources,
});

export const INDICATORS = [
  ind("ID-01", "IDENTITY", "H", "Identity document anomalies: misspellings, altered or AI-replaced photo, forged licence / SSN card / diploma", ["PSA25", "ADV22", "MSFT25"]),
  ind("ID-02", "IDENTITY", "M→H", "Name spelled or formed differently across résumé, ID, email, online profiles, payment platform, bank-account holder", ["ADV22", "JP24"]),
  ind("ID-03", "IDENTITY", "M", "Photo inconsistent across application, ID and live video; stock / other person's / AI-smoothed photo", ["PSA23", "MAND24"]),
  ind("ID-04", "IDENTITY", "H", "Identity belongs to someone else: SSN trace mismatch, identity employed elsewhere (post-offer checks only)", ["DOJ"]),
  ind("ID-05", "IDENTITY", "H", "Interviewee is not the worker: face or voice differs between rounds, or interview vs onboarding", ["PSA25", "PSA23", "PSA24"]),
  ind("ID-06", "IDENTITY", "M", "Deepfake / face-swap / voice-changer signs; fails the hand-in-front-of-face check", ["PSA25", "MSFT25", "TRI25"]),
  ind("ID-07", "IDENTITY", "M", "Declines notarized or in-person identity proofing offered to everyone at that stage", ["MAND24"]),
  ind("LOC-01", "LOCATION", "M", "Application / interview IP not in the claimed country or region; VPN, proxy, hosting/VPS address", ["ADV22"]),
  ind("LOC-02", "LOCATION", "M/H", "One account used from several countries within a short time", ["ADV22", "PSA25"]),
  ind("LOC-03", "LOCATION", "M", "Sessions continuously logged in for a day or more; remote-desktop (port 3389) use", ["ADV22"]),
  ind("LOC-04", "LOCATION", "L", "Cannot work normal hours of the claimed timezone; activity clusters in another timezone", ["ADV22"]),
  ind("LOC-05", "LOCATION", "M", "Fails the location check (won't show surroundings, can't answer basic questions about the claimed city)", ["PSA25", "BfV24"]),
  ind("LOC-06", "LOCATION", "H", "Company device first comes online in a different country than the role location", ["GTIG25", "NYDFS24"]),
  ind("WH-01", "WORK_HISTORY", "M/H", "Employment or education cannot be verified through independently sourced contacts", ["ADV22", "PSA25"]),
  ind("WH-02", "WORK_HISTORY", "M", "References, statements of work or client letters with minimal / unverifiable contact details", ["ADV22", "GTIG25"]),
  ind("WH-03", "WORK_HISTORY", "M", "Online profiles don't match the résumé; several profiles for one identity with different photos", ["PSA23", "BfV24"]),
  ind("WH-04", "WORK_HISTORY", "L/M", "New GitHub / LinkedIn with implausible history (recent creation, back-dated commits, copied repos)", ["MSFT25"]),
  ind("WH-05", "WORK_HISTORY", "H list / M", "Portfolio or former employer is a fabricated site or shell company; matches a known front", ["MAND24", "DOJ"]),
  ind("WH-06", "WORK_HISTORY", "L", "Signs of assistance during technical tests (long pauses, reading, plausible-but-wrong answers)", ["PSA23", "BfV24"]),
  ind("WH-07", "WORK_HISTORY", "L/M", "Claims experience with a technology before it existed; overlapping or impossible dates", ["DTEX"]),
  ind("WH-08", "WORK_HISTORY", "L", "Rate far below market together with very high platform ratings", ["JP24", "BfV24"]),
  ind("WH-09", "WORK_HISTORY", "L", "Sudden name or handle changes, deleted profiles", ["SEAL"]),
  ind("WH-10", "WORK_HISTORY", "M", "Placed by a staffing firm that blocks direct identity verification, or one linked to facilitators", ["PSA24", "PSA25"]),
  ind("COM-01", "COMMUNICATION", "M", "Unwilling or unable to appear on camera (suppressed when an accommodation path is used)", ["PSA23", "JP24"]),
  ind("COM-02", "COMMUNICATION", "M", "Undue concern about drug test or in-person meeting; does not attend", ["PSA23"]),
  ind("COM-03", "COMMUNICATION", "L", "Insists on text-only communication", ["ADV22", "BfV24"]),
  ind("COM-04", "COMMUNICATION", "M/H", "Repeated requests for prepayment / advances; aggression or threats when refused", ["PSA23", "BfV24"]),
  ind("COM-05", "COMMUNICATION", "H", "Post-hire: code copied to personal accounts, session reuse from outside devices, extortion", ["PSA25"]),
  ind("COM-06", "COMMUNICATION", "L/M", "Freshly created contact details (new email/phone; VoIP where detectable)", ["MSFT25"]),
  ind("PAY-01", "PAYMENT", "H / M", "Asks to be paid in cryptocurrency (M for crypto-sector contractors)", ["ADV22", "BfV24"]),
  ind("PAY-02", "PAYMENT", "H", "Payee / bank-account holder differs from the worker; frequent bank-detail changes", ["JP24", "PSA25", "DOJ"]),
  ind("PAY-03", "PAYMENT", "M", "Pay routed through money-transfer platforms onward to third-country accounts", ["ADV22", "GTIG25"]),
  ind("PAY-04", "PAYMENT", "H", "Payee, vendor or wallet matches the OFAC SDN list (compliance hit, never auto-reject)", ["OFAC"]),
  ind("PAY-05", "PAYMENT", "M", "Tax / earnings records show the identity working other jobs at the same time", ["DOJ"]),
  ind("EQ-01", "EQUIPMENT", "H", "Laptop ship-to address differs from ID / I-9 / home address; last-minute change; freight forwarder", ["NYDFS24", "PSA24", "BfV24"]),
  ind("EQ-02", "EQUIPMENT", "H", "Remote-access tools, IP-KVM devices or malware on the company device", ["PSA24", "MAND24", "MSFT25"]),
  ind("EQ-03", "EQUIPMENT", "M", "Device serial at onboarding check differs from the one shipped", ["MAND24"]),
  ind("EQ-04", "EQUIPMENT", "M", "Declines in-person onboarding or notary proofing offered to everyone at that stage", ["PSA25", "MAND24"]),
  ind("LNK-01", "LINKAGE", "H", "Same phone, email, postal address or bank account across applicants with different names", ["PSA25", "MAND24"]),
  ind("LNK-02", "LINKAGE", "H", "Several company devices shipped to one address / a known laptop-farm address", ["DOJ"]),
  ind("LNK-03", "LINKAGE", "M", "Near-duplicate résumé text or templates across applicants", ["ADV22", "MAND24"]),
  ind("LNK-04", "LINKAGE", "M/H", "Several applicant accounts from one IP or device fingerprint", ["ADV22"]),
  ind("LNK-05", "LINKAGE", "H", "Same face under different names (only with biometric consent)", ["PSA23", "GTIG25"]),
  ind("LNK-06", "LINKAGE", "M", 'The same shell / front "employers" recur across unrelated applicants', ["DOJ"]),
  ind("LNK-07", "LINKAGE", "M", "Referred by a candidate or worker who is already flagged", ["DOJ"]),
] as const satisfies readonly Indicator[];

export type IndicatorId = (typeof INDICATORS)[number]["id"];
export const INDICATOR_IDS = INDICATORS.map((i) => i.id) as IndicatorId[];
export const INDICATORS_BY_ID: Record<IndicatorId, Indicator> = Object.fromEntries(INDICATORS.map((i) => [i.id, i])) as Record<
  IndicatorId,
  Indicator
>;

/** Indicators deliberately not implemented, and why. Shown in the coverage table. */
export const UNCOVERED_INDICATORS: Partial<Record<IndicatorId, string>> = {
  "LNK-05":
    "Needs face matching across applicants, which is biometric processing that requires explicit consent (BIPA, GDPR art. 9) and a separate vendor integration; not collected, so not scored.",
};
