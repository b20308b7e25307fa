// One profile per rule of the default ruleset, in the API's submission format (POST /api/v1/candidates), that makes
// that rule fire through the real submit path: tests/integration/rule-reachability.test.ts submits each one (after
// its `priorApplicants`, for the cross-applicant rules) and expects a hit of its rule.
//
// A new rule needs an entry here, or that test fails: a rule that only unit tests can reach is a silent hole in
// the coverage table. Every identifier (email, phone, address, device, IP, employer, résumé) is unique to its entry,
// so entries never link to each other; the linkage entries share values only with their own prior applicants.
import type { CandidateSubmissionInput } from "@/lib/schemas/profile";

export type ReachabilityCase = {
  /** Submitted first, in order (cross-applicant rules need someone to link to). */
  priorApplicants?: CandidateSubmissionInput[];
  submission: CandidateSubmissionInput;
};

type Profile = CandidateSubmissionInput["profile"];

/** A minimal applicant with its own name and email; `extra` adds the evidence the rule reads. */
function applicant(slug: string, name: string, extra: Omit<Profile, "candidate"> & { candidate?: Partial<NonNullable<Profile["candidate"]>> } = {}, stage: CandidateSubmissionInput["stage"] = "APPLICATION"): CandidateSubmissionInput {
  const { candidate, ...rest } = extra;
  return {
    stage,
    profile: {
      candidate: { legalName: name, email: `reach.${slug}@example.com`, claimedLocation: { city: "Denver", region: "CO", country: "US" }, ...candidate },
      ...rest,
    },
  };
}

const HOME = { line1: "1400 Larimer Street", city: "Denver", region: "CO", postalCode: "80202", country: "US" } as const;

/** 40 activity timestamps at 04:00–07:45 UTC on weekdays: the middle of the night in Denver, office hours in UTC+9. */
const OFF_HOURS = Array.from({ length: 40 }, (_, i) => {
  const day = 2 + Math.floor(i / 4) + 2 * Math.floor(i / 20);
  return `2026-03-${String(day).padStart(2, "0")}T0${4 + (i % 4)}:${String((i * 7) % 60).padStart(2, "0")}:00Z`;
});

/** A long résumé (MinHash needs words); `variant` changes one word so two texts are near, not exact, copies. */
function resume(variant: string): string {
  return (
    "Senior backend engineer with eight years of experience building payment platforms and internal tooling. " +
    "Designed event driven microservices in Go and Node.js handling millions of transactions per day for fintech clients. " +
    "Led the migration of a monolith to Kubernetes on AWS, cut deployment time from hours to minutes and reduced cloud costs. " +
    "Built GraphQL gateways, PostgreSQL replication setups and observability dashboards with Prometheus and Grafana. " +
    "Mentored junior developers, ran code reviews and wrote the on call runbooks for the platform team. " +
    `Comfortable with React front ends, CI pipelines, Terraform modules and security reviews. Available ${variant}.`
  );
}

export const REACHABILITY_PROFILES: Record<string, ReachabilityCase> = {
  // ── Identity ──────────────────────────────────────────────────────────────────────────────────────────────
  "identity-document-anomaly": {
    submission: applicant("doc", "Avery Doccheck", { onboarding: { identityProofing: { documentCheck: { result: "failed", anomalies: ["photo replaced"], checkedBy: "vendor" } } } }, "ONBOARDING"),
  },
  "name-mismatch": {
    submission: applicant("name", "Blake Namecheck", { candidate: { names: [{ source: "paymentPlatform", name: "Quentin Otherperson" }] } }),
  },
  "photo-inconsistent": {
    submission: applicant("photo", "Casey Photocheck", { interviews: [{ round: 1, mode: "video", photoMatchesApplicationAndId: false }] }, "INTERVIEW"),
  },
  "identity-belongs-to-other": {
    submission: applicant("ssn", "Dana Ssntrace", { offer: { extendedAt: "2026-03-01T12:00:00Z" }, onboarding: { postOfferChecks: { ssnTrace: "mismatch" } } }, "ONBOARDING"),
  },
  "interviewee-not-worker": {
    submission: applicant("face", "Emery Facecheck", { interviews: [{ round: 1, mode: "video" }, { round: 2, mode: "video", faceMatchesEarlierRounds: false }] }, "INTERVIEW"),
  },
  "deepfake-signs": {
    submission: applicant("deepfake", "Finley Deepcheck", { interviews: [{ round: 1, mode: "video", handInFrontOfFaceCheck: "failed" }] }, "INTERVIEW"),
  },
  "declined-identity-proofing": {
    submission: applicant("proofing", "Gray Proofcheck", { onboarding: { identityProofing: { alternativeProofing: { offeredToAllAtStage: true, outcome: "declined", method: "notary" } } } }, "ONBOARDING"),
  },
  // ── Location and infrastructure ───────────────────────────────────────────────────────────────────────────
  "ip-country-mismatch": {
    submission: applicant("ipcountry", "Harper Ipcheck", { observations: { ips: [{ ip: "113.160.1.1", context: "application", at: "2026-03-02T04:00:00Z" }] } }),
  },
  "anonymised-connection": {
    submission: applicant("anon", "Indigo Anoncheck", { observations: { ips: [{ ip: "104.131.0.10", context: "application", at: "2026-03-02T04:00:00Z" }] } }),
  },
  "multi-country-logins": {
    submission: applicant("multi", "Jordan Multicheck", {
      observations: {
        ips: [
          { ip: "123.120.1.1", context: "application", at: "2026-03-02T01:00:00Z" },
          { ip: "115.84.64.1", context: "interview", at: "2026-03-02T06:00:00Z" },
          { ip: "95.31.1.1", context: "interview", at: "2026-03-02T11:00:00Z" },
        ],
      },
    }),
  },
  "persistent-sessions-or-rdp": {
    submission: applicant("rdp", "Kendall Rdpcheck", { activity: { remoteDesktopObserved: true } }, "ONBOARDING"),
  },
  "activity-outside-claimed-timezone": {
    submission: applicant("tz", "Logan Tzcheck", { observations: { activityTimestamps: OFF_HOURS } }),
  },
  "failed-location-check": {
    submission: applicant("loccheck", "Morgan Loccheck", { interviews: [{ round: 1, mode: "video", surroundingsCheck: "declined" }] }, "INTERVIEW"),
  },
  "device-first-online-elsewhere": {
    submission: applicant("firstonline", "Noel Devicecheck", { role: { country: "US" }, onboarding: { devices: [{ assetTag: "LT-R-0001", firstOnlineCountry: "CN", firstOnlineViaVpn: false }] } }, "ONBOARDING"),
  },
  // ── Work history and online profile ───────────────────────────────────────────────────────────────────────
  "unverifiable-employment": {
    submission: applicant("unverif", "Oakley Workcheck", { workHistory: [{ employerName: "Reach Unverif Widgets Inc", verification: { method: "independent_contact", outcome: "unverifiable" } }] }),
  },
  "unverifiable-references": {
    submission: applicant("refs", "Parker Refcheck", { references: [{ name: "J. Ref", contactDetails: "minimal" }] }),
  },
  "profile-resume-mismatch": {
    submission: applicant("profmis", "Quinn Profcheck", { onlineProfiles: [{ platform: "linkedin", matchesResume: false }] }),
  },
  "new-profile-implausible-history": {
    submission: applicant("newprof", "Riley Newcheck", { application: { submittedAt: "2026-03-02T04:00:00Z" }, onlineProfiles: [{ platform: "github", createdAt: "2026-02-01", backdatedActivity: true }] }),
  },
  "known-front-employer": {
    submission: applicant("front", "Sawyer Frontcheck", { workHistory: [{ employerName: "Volasys Silver Star" }] }),
  },
  "fabricated-employer": {
    submission: applicant("fabric", "Tatum Fabcheck", { workHistory: [{ employerName: "Reach Fabricated Labs LLC", employerCheck: { websiteFabricated: true } }] }),
  },
  "assistance-during-test": {
    submission: applicant("assist", "Umber Assistcheck", { interviews: [{ round: 1, mode: "video", assistanceSigns: true }] }, "INTERVIEW"),
  },
  "overlapping-jobs": {
    submission: applicant("overlap", "Vesper Overlapcheck", {
      workHistory: [
        { employerName: "Reach Overlap One Corp", start: "2022-01-01", end: "2024-12-31", fullTime: true },
        { employerName: "Reach Overlap Two Corp", start: "2023-01-01", end: "2025-06-30", fullTime: true },
      ],
    }),
  },
  "technology-before-it-existed": {
    submission: applicant("tech", "Wren Techcheck", { skills: [{ name: "Kubernetes", firstUsedYear: 2009 }] }),
  },
  "low-rate-high-rating": {
    submission: applicant("rate", "Xen Ratecheck", { rate: { hourlyUsd: 20, marketMedianHourlyUsd: 90, platformRating: 0.99, ratingCount: 150 } }),
  },
  "identity-churn": {
    submission: applicant("churn", "Yael Churncheck", { onlineProfiles: [{ platform: "github", nameOrHandleChanges: 3 }] }),
  },
  "staffing-agency-risk": {
    submission: applicant("agency", "Zion Agencycheck", { sourcing: { channel: "staffing_agency", agency: { name: "Reach Talent Bridge", allowsDirectVerification: false } } }),
  },
  // ── Communication and behaviour ───────────────────────────────────────────────────────────────────────────
  "camera-refusal": {
    submission: applicant("camera", "Arden Camcheck", { interviews: [{ round: 1, mode: "video", cameraDeclined: true }] }, "INTERVIEW"),
  },
  "avoids-in-person": {
    submission: applicant("inperson", "Bellamy Meetcheck", { communication: { inPersonMeeting: "no_show" } }, "INTERVIEW"),
  },
  "text-only-insistence": {
    submission: applicant("textonly", "Cypress Textcheck", { communication: { insistsOnTextOnly: true } }),
  },
  "prepayment-requests": {
    submission: applicant("prepay", "Dallas Prepaycheck", { communication: { prepaymentRequests: 3 } }, "OFFER"),
  },
  "post-hire-exfiltration": {
    submission: applicant("exfil", "Ellis Exfilcheck", { postHire: { codeToPersonalAccounts: true } }, "ONBOARDING"),
  },
  "fresh-contact-details": {
    submission: applicant("fresh", "Flynn Freshcheck", { candidate: { email: "reach.fresh@mailinator.com" } }),
  },
  // ── Payment ───────────────────────────────────────────────────────────────────────────────────────────────
  "crypto-payment-request": {
    submission: applicant("crypto", "Gale Cryptocheck", { onboarding: { payment: { requestedMethods: ["crypto"] } } }, "OFFER"),
  },
  "payee-differs": {
    submission: applicant("payee", "Hollis Payeecheck", { onboarding: { payment: { payeeName: "Ingram Unrelated" } } }, "ONBOARDING"),
  },
  "money-transfer-onward": {
    submission: applicant("mto", "Ira Transfercheck", { onboarding: { payment: { viaMoneyTransferPlatform: true, onwardCountry: "HK" } } }, "ONBOARDING"),
  },
  "sanctions-candidate-match": {
    // A wallet address listed on the imported OFAC fixture list (tests/fixtures/ofac): an exact identifier match.
    submission: applicant("sanction", "Jules Sanctioncheck", { observations: { walletAddresses: ["1FxtrKsMnpQrsTuvWxyzABCDEFGHJKLMN"] } }, "OFFER"),
  },
  "concurrent-employment-records": {
    submission: applicant("concurrent", "Kai Payrollcheck", { offer: { extendedAt: "2026-03-01T12:00:00Z" }, onboarding: { postOfferChecks: { concurrentEmployment: true } } }, "ONBOARDING"),
  },
  // ── Equipment ─────────────────────────────────────────────────────────────────────────────────────────────
  "ship-to-differs-from-home": {
    submission: applicant("shipto", "Lane Shipcheck", {
      candidate: { homeAddress: { ...HOME, line1: "1401 Larimer Street" } },
      onboarding: { equipment: { shipTo: { line1: "77 Reach Forwarding Way", city: "Miami", region: "FL", postalCode: "33101", country: "US" } } },
    }, "ONBOARDING"),
  },
  "late-ship-to-change": {
    submission: applicant("lateship", "Marlow Latecheck", {
      onboarding: {
        equipment: {
          shippedAt: "2026-03-20T15:00:00Z",
          shipToChanges: [{ at: "2026-03-19T22:00:00Z", to: { line1: "5 Reach Late Lane", city: "Columbus", region: "OH", postalCode: "43004", country: "US" } }],
        },
      },
    }, "ONBOARDING"),
  },
  "remote-access-tooling": {
    submission: applicant("rat", "Nico Toolcheck", { onboarding: { devices: [{ assetTag: "LT-R-0002", ipKvmDetected: true }] } }, "ONBOARDING"),
  },
  "device-serial-mismatch": {
    submission: applicant("serial", "Onyx Serialcheck", { onboarding: { devices: [{ shippedSerial: "C02REACH001", reportedSerial: "C02REACH999" }] } }, "ONBOARDING"),
  },
  "declined-in-person-onboarding": {
    submission: applicant("onsite", "Perry Onsitecheck", { onboarding: { inPersonOnboarding: { offeredToAllAtStage: true, outcome: "declined" } } }, "ONBOARDING"),
  },
  // ── Linkage (need earlier applicants) ─────────────────────────────────────────────────────────────────────
  "shared-contact-identifier": {
    priorApplicants: [applicant("sharedphone-a", "Rowan Firstphone", { candidate: { phone: "+1 303 555 0191" } })],
    submission: applicant("sharedphone-b", "Sage Secondphone", { candidate: { phone: "+1 303 555 0191" } }),
  },
  "shared-ship-to": {
    priorApplicants: [
      applicant("farm-a", "Tory Farmone", { onboarding: { equipment: { shipTo: { line1: "900 Reach Farm Road", city: "Litchfield Park", region: "AZ", postalCode: "85340", country: "US" } } } }, "ONBOARDING"),
    ],
    submission: applicant("farm-b", "Uma Farmtwo", { onboarding: { equipment: { shipTo: { line1: "900 Reach Farm Rd", city: "Litchfield Park", region: "AZ", postalCode: "85340", country: "US" } } } }, "ONBOARDING"),
  },
  "near-duplicate-resume": {
    priorApplicants: [applicant("resume-a", "Vail Resumeone", { observations: { resumeText: resume("immediately") } })],
    submission: applicant("resume-b", "Wynn Resumetwo", { observations: { resumeText: resume("promptly") } }),
  },
  "shared-ip-or-device": {
    priorApplicants: [applicant("device-a", "Xavi Deviceone", { observations: { deviceFingerprints: ["reach-fp-shared-0001"] } })],
    submission: applicant("device-b", "Yara Devicetwo", { observations: { deviceFingerprints: ["reach-fp-shared-0001"] } }),
  },
  "recurring-front-employers": {
    // Two earlier applicants named the same employer and their employment there could not be verified.
    priorApplicants: [
      applicant("recur-a", "Zane Recurone", { workHistory: [{ employerName: "Reach Brightline Cloud Solutions LLC", verification: { method: "independent_contact", outcome: "unverifiable" } }] }),
      applicant("recur-b", "Abby Recurtwo", { workHistory: [{ employerName: "REACH BRIGHTLINE CLOUD SOLUTIONS, L.L.C.", verification: { method: "independent_contact", outcome: "contradicted" } }] }),
    ],
    submission: applicant("recur-c", "Bo Recurthree", { workHistory: [{ employerName: "Reach Brightline Cloud Solutions", verification: { method: "independent_contact", outcome: "pending" } }] }),
  },
  "flagged-referrer": {
    submission: applicant("referrer", "Cleo Refercheck", { sourcing: { channel: "referral", referrer: { id: "w-reach-1", kind: "employee", flagged: true } } }),
  },
};
