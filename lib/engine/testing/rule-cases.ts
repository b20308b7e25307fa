/**
 * Table of firing and non-firing cases for every rule, as overrides of the clean profile (make-facts.ts).
 * Used by the unit tests (every rule must have ≥ 1 of each) and by the benchmark's fact generator.
 * "quiet" cases include the innocent or unknown variants a rule must not fire on.
 */
import type { Severity } from "../catalog";
import type { FactsOverrides } from "./make-facts";

export interface RuleCase {
  name: string;
  facts: FactsOverrides;
  /** Expected hit severity when it differs from the rule's. */
  severity?: Severity;
  /** The rule's condition is met but an innocent path suppresses it. */
  suppressed?: boolean;
}

export interface RuleCases {
  fires: RuleCase[];
  quiet: RuleCase[];
}

const video = (round: number, o: Record<string, unknown>) => ({ round, mode: "video" as const, ...o });
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const AS_OF_MS = Date.UTC(2026, 10, 2, 12);

export const RULE_CASES: Record<string, RuleCases> = {
  "identity-document-anomaly": {
    fires: [{ name: "vendor reports an altered photo", facts: { onboarding: { identityProofing: { documentCheck: { result: "failed", anomalies: ["photo replaced"] } } } } }],
    quiet: [
      { name: "inconclusive result", facts: { onboarding: { identityProofing: { documentCheck: { result: "inconclusive" } } } } },
      { name: "no check run (unknown)", facts: { onboarding: { identityProofing: undefined } } },
    ],
  },
  "name-mismatch": {
    fires: [{ name: "payment platform under another name", facts: { candidate: { names: [{ source: "paymentPlatform", name: "Kevin Zhou" }] } } }],
    quiet: [
      { name: "middle name and initial dropped", facts: { candidate: { names: [{ source: "resume", name: "J. Miller" }, { source: "onlineProfile", name: "MILLER, Jordan" }] } } },
      { name: "transliteration variant", facts: { candidate: { legalName: "Park Ji-hoon", names: [{ source: "resume", name: "Ji-hoon Bak" }] } } },
      { name: "documented married name", suppressed: true, facts: { candidate: { legalName: "Jordan Avery Miller", names: [{ source: "onlineProfile", name: "Jordan Hayes" }], nameChange: { documented: true, previousNames: ["Jordan Avery Hayes"] } } } },
      { name: "names unknown", facts: { candidate: { names: undefined } } },
    ],
  },
  "photo-inconsistent": {
    fires: [{ name: "person on video differs from ID", facts: { interviews: [video(1, { photoMatchesApplicationAndId: false })] } }],
    quiet: [{ name: "not assessed", facts: { interviews: [video(1, {})] } }],
  },
  "identity-belongs-to-other": {
    fires: [
      { name: "SSN trace mismatch after offer", facts: { onboarding: { postOfferChecks: { ssnTrace: "mismatch" } } } },
      { name: "E-Verify final nonconfirmation", facts: { onboarding: { postOfferChecks: { eVerify: "final_nonconfirmation" } } } },
    ],
    quiet: [
      { name: "tentative nonconfirmation alone", facts: { onboarding: { postOfferChecks: { eVerify: "tentative_nonconfirmation" } } } },
      { name: "no offer yet", facts: { offer: { extendedAt: undefined }, onboarding: { postOfferChecks: { ssnTrace: "mismatch" } } } },
      { name: "offer in the future of asOf", facts: { offer: { extendedAt: "2027-01-01T00:00:00Z" }, onboarding: { postOfferChecks: { ssnTrace: "mismatch" } } } },
    ],
  },
  "interviewee-not-worker": {
    fires: [
      { name: "different face in round 2", facts: { interviews: [video(1, {}), video(2, { faceMatchesEarlierRounds: false })] } },
      { name: "different person at onboarding", facts: { onboarding: { faceMatchesInterview: false } } },
    ],
    quiet: [{ name: "unknown", facts: { interviews: [video(1, {}), video(2, {})], onboarding: { faceMatchesInterview: undefined } } }],
  },
  "deepfake-signs": {
    fires: [
      { name: "fails hand-in-front-of-face", facts: { interviews: [video(1, { handInFrontOfFaceCheck: "failed" })] } },
      { name: "artefacts seen and the check failed (H)", severity: "H", facts: { interviews: [video(1, { deepfakeSigns: true, handInFrontOfFaceCheck: "failed" })] } },
    ],
    quiet: [{ name: "check not done", facts: { interviews: [video(1, { handInFrontOfFaceCheck: "not_done" })] } }],
  },
  "declined-identity-proofing": {
    fires: [{ name: "declines notary offered to all", facts: { onboarding: { identityProofing: { alternativeProofing: { offeredToAllAtStage: true, outcome: "declined", method: "notary" } } } } }],
    quiet: [{ name: "declined but only offered to this candidate", facts: { onboarding: { identityProofing: { alternativeProofing: { offeredToAllAtStage: false, outcome: "declined" } } } } }],
  },
  "ip-country-mismatch": {
    fires: [
      { name: "interview from another country, no VPN", severity: "M", facts: { enrichment: { ip: [{ context: "interview", country: "CN", isVpn: false, isProxy: false }] } } },
      { name: "application from KP (H)", severity: "H", facts: { enrichment: { ip: [{ context: "application", country: "KP", isVpn: false, isProxy: false }] } } },
    ],
    quiet: [
      { name: "other country via VPN", facts: { enrichment: { ip: [{ context: "interview", country: "NL", isVpn: true }] } } },
      { name: "other country via a privacy relay (iCloud Private Relay / WARP egress)", facts: { enrichment: { ip: [{ context: "interview", country: "CA", isRelay: true, isVpn: false, isHosting: false }] } } },
      { name: "claimed country unknown", facts: { candidate: { claimedLocation: undefined }, enrichment: { ip: [{ context: "interview", country: "CN" }] } } },
    ],
  },
  "anonymised-connection": {
    fires: [
      { name: "hosting provider", severity: "M", facts: { enrichment: { ip: [{ context: "application", country: "US", isHosting: true }] } } },
      { name: "Tor exit", facts: { enrichment: { ip: [{ context: "interview", country: "DE", isTor: true }] } } },
    ],
    quiet: [
      { name: "VPN at work stage only", facts: { enrichment: { ip: [{ context: "work", isVpn: true }] } } },
      { name: "privacy relay only (on by default for many consumers)", facts: { enrichment: { ip: [{ context: "application", country: "US", isRelay: true, isHosting: false, isVpn: false, isTor: false }] } } },
    ],
  },
  "multi-country-logins": {
    fires: [
      {
        name: "three countries, none of them the claimed US (H)",
        severity: "H",
        facts: {
          enrichment: {
            ip: [
              { context: "interview", at: "2026-09-10T10:00:00Z", country: "CN" },
              { context: "interview", at: "2026-09-10T12:00:00Z", country: "LA" },
              { context: "interview", at: "2026-09-10T16:00:00Z", country: "RU" },
            ],
          },
        },
      },
      {
        name: "three countries in six hours",
        severity: "M",
        facts: {
          enrichment: {
            ip: [
              { context: "interview", at: "2026-09-10T10:00:00Z", country: "US" },
              { context: "interview", at: "2026-09-10T12:00:00Z", country: "CN" },
              { context: "interview", at: "2026-09-10T16:00:00Z", country: "RU" },
            ],
          },
        },
      },
      {
        name: "three trusted countries, a Tor exit skipped",
        facts: {
          enrichment: {
            ip: [
              { context: "application", at: "2026-09-10T10:00:00Z", country: "KP", isTor: false },
              { context: "application", at: "2026-09-10T11:00:00Z", country: "DE", isTor: true },
              { context: "application", at: "2026-09-10T12:00:00Z", country: "RU", isTor: false },
              { context: "application", at: "2026-09-10T13:00:00Z", country: "US", isTor: false },
            ],
          },
        },
      },
    ],
    quiet: [
      {
        name: "the third country only through a Tor exit (recorded as not counted, with the reason)",
        suppressed: true,
        facts: {
          enrichment: {
            ip: [
              { context: "application", at: "2026-09-10T10:00:00Z", country: "US" },
              { context: "application", at: "2026-09-10T11:00:00Z", country: "DE", isTor: true },
              { context: "application", at: "2026-09-10T12:00:00Z", country: "RU" },
            ],
          },
        },
      },
      {
        name: "relay egress and a VPS abroad are not the user's countries",
        suppressed: true,
        facts: {
          enrichment: {
            ip: [
              { context: "application", at: "2026-09-10T10:00:00Z", country: "US" },
              { context: "application", at: "2026-09-10T11:00:00Z", country: "CA", isRelay: true },
              { context: "application", at: "2026-09-10T12:00:00Z", country: "NL", isHosting: true },
            ],
          },
        },
      },
      {
        name: "three countries over a month of travel",
        facts: {
          enrichment: {
            ip: [
              { context: "interview", at: "2026-08-01T10:00:00Z", country: "US" },
              { context: "interview", at: "2026-08-15T12:00:00Z", country: "GB" },
              { context: "interview", at: "2026-09-01T16:00:00Z", country: "FR" },
            ],
          },
        },
      },
    ],
  },
  "persistent-sessions-or-rdp": {
    fires: [
      { name: "30-hour session", facts: { activity: { sessions: [{ startedAt: "2026-10-20T08:00:00Z", endedAt: "2026-10-21T14:00:00Z" }] } } },
      { name: "RDP observed", facts: { activity: { remoteDesktopObserved: true } } },
    ],
    quiet: [{ name: "normal sessions across midnight UTC", facts: { activity: { sessions: [{ startedAt: "2026-10-20T20:00:00Z", endedAt: "2026-10-21T04:00:00Z" }] } } }],
  },
  "activity-outside-claimed-timezone": {
    fires: [
      { name: "activity fits UTC+9 for a US candidate (nearly all outside: M)", severity: "M", facts: { enrichment: { activity: { shareInClaimedWorkHours: 0.1, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize: 200 } } } },
      { name: "most activity fits UTC+9 (L)", severity: "L", facts: { enrichment: { activity: { shareInClaimedWorkHours: 0.25, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize: 200 } } } },
      { name: "six timestamps, all off-hours (low confidence)", facts: { enrichment: { activity: { shareInClaimedWorkHours: 0, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize: 6 } } } },
    ],
    quiet: [
      { name: "declared night shift", suppressed: true, facts: { candidate: { declaredWorkingHours: "night_shift" }, enrichment: { activity: { shareInClaimedWorkHours: 0.1, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize: 200 } } } },
      { name: "one or two odd times", facts: { enrichment: { activity: { shareInClaimedWorkHours: 0, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize: 2 } } } },
      { name: "a few timestamps, a quarter of them in working hours", facts: { enrichment: { activity: { shareInClaimedWorkHours: 0.25, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize: 8 } } } },
      { name: "few off-hours timestamps, declared flexible hours", suppressed: true, facts: { candidate: { declaredWorkingHours: "flexible" }, enrichment: { activity: { shareInClaimedWorkHours: 0, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize: 7 } } } },
    ],
  },
  "failed-location-check": {
    fires: [{ name: "declines to show surroundings", facts: { interviews: [video(1, { surroundingsCheck: "declined" })] } }],
    quiet: [{ name: "not asked", facts: { interviews: [video(1, { surroundingsCheck: "not_done" })] } }],
  },
  "device-first-online-elsewhere": {
    fires: [{ name: "first online in CN", facts: { onboarding: { devices: [{ shippedSerial: "A1", firstOnlineCountry: "CN", firstOnlineViaVpn: false }] } } }],
    quiet: [{ name: "first online via company VPN", facts: { onboarding: { devices: [{ shippedSerial: "A1", firstOnlineCountry: "DE", firstOnlineViaVpn: true }] } } }],
  },
  "unverifiable-employment": {
    fires: [
      { name: "employer cannot confirm via independent number", facts: { workHistory: [{ employerName: "Acme Soft", start: "2019-01-01", end: "2022-01-01", verification: { method: "independent_contact", outcome: "unverifiable" } }] } },
      { name: "employer contradicts", severity: "H", facts: { workHistory: [{ employerName: "Acme Soft", start: "2019-01-01", end: "2022-01-01", verification: { method: "independent_contact", outcome: "contradicted" } }] } },
    ],
    quiet: [{ name: "unverifiable via candidate-supplied contact only", facts: { workHistory: [{ employerName: "Acme Soft", verification: { method: "candidate_supplied_contact", outcome: "unverifiable" } }] } }],
  },
  "unverifiable-references": {
    fires: [{ name: "reference with only a free email", facts: { references: [{ name: "A. Client", contactDetails: "minimal" }] } }],
    quiet: [{ name: "reachability unknown", facts: { references: [{ name: "B. Boss", contactDetails: "complete" }] } }],
  },
  "profile-resume-mismatch": {
    fires: [{ name: "LinkedIn history differs", facts: { onlineProfiles: [{ platform: "linkedin", createdAt: "2015-01-01", matchesResume: false }] } }],
    quiet: [{ name: "not reviewed", facts: { onlineProfiles: [{ platform: "linkedin", createdAt: "2015-01-01" }] } }],
  },
  "new-profile-implausible-history": {
    fires: [
      { name: "new GitHub with back-dated commits", severity: "M", facts: { onlineProfiles: [{ platform: "github", createdAt: "2026-08-01", backdatedActivity: true }] } },
      { name: "all profiles new but 10 years claimed", facts: { application: { claimedYearsExperience: 10 }, onlineProfiles: [{ platform: "github", createdAt: "2026-07-15" }, { platform: "linkedin", createdAt: "2026-08-01" }] } },
      {
        name: "all profiles new, years not stated but the work history spans 8 years",
        facts: { application: { claimedYearsExperience: undefined }, onlineProfiles: [{ platform: "github", createdAt: "2026-07-15" }, { platform: "linkedin", createdAt: "2026-08-01" }] },
      },
    ],
    quiet: [
      { name: "new graduate with a new GitHub", facts: { application: { claimedYearsExperience: 0 }, onlineProfiles: [{ platform: "github", createdAt: "2026-06-01", backdatedActivity: false, copiedRepositories: false }] } },
      {
        name: "years not stated, one year of work history",
        facts: {
          application: { claimedYearsExperience: undefined },
          workHistory: [{ employerName: "Contoso Health", start: "2025-09-01", current: true }],
          onlineProfiles: [{ platform: "github", createdAt: "2026-07-15" }],
        },
      },
    ],
  },
  "known-front-employer": {
    fires: [{ name: "Yanbian Silverstar on the résumé", facts: { workHistory: [{ employerName: "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO LTD", start: "2017-01-01", end: "2020-01-01" }] } }],
    quiet: [{ name: "similar but different name", facts: { workHistory: [{ employerName: "Silverstar Dental Labs", start: "2017-01-01", end: "2020-01-01" }] } }],
  },
  "fabricated-employer": {
    fires: [{ name: "no registered entity", facts: { workHistory: [{ employerName: "Bluewave Dev Studio", employerCheck: { registeredEntityFound: false } }] } }],
    quiet: [{ name: "not checked", facts: { workHistory: [{ employerName: "Bluewave Dev Studio" }] } }],
  },
  "assistance-during-test": {
    fires: [{ name: "reading answers", facts: { interviews: [video(1, { assistanceSigns: true })] } }],
    quiet: [{ name: "unknown", facts: { interviews: [video(1, {})] } }],
  },
  "overlapping-jobs": {
    fires: [
      {
        name: "two full-time jobs for a year",
        facts: {
          workHistory: [
            { employerName: "Alpha", start: "2020-01-01", end: "2022-12-31", fullTime: true },
            { employerName: "Beta", start: "2021-06-01", end: "2023-06-01", fullTime: true },
          ],
        },
      },
      { name: "ends before it starts", facts: { workHistory: [{ employerName: "Gamma", start: "2022-01-01", end: "2021-01-01" }] } },
    ],
    quiet: [
      {
        name: "one-month handover",
        facts: {
          workHistory: [
            { employerName: "Alpha", start: "2020-01-01", end: "2022-01-31", fullTime: true },
            { employerName: "Beta", start: "2022-01-01", current: true, fullTime: true },
          ],
        },
      },
      {
        name: "part-time side job",
        facts: {
          workHistory: [
            { employerName: "Alpha", start: "2020-01-01", end: "2023-01-01", fullTime: true },
            { employerName: "Tutoring", start: "2020-06-01", end: "2022-06-01", fullTime: false },
          ],
        },
      },
    ],
  },
  "technology-before-it-existed": {
    fires: [{ name: "Kubernetes since 2010", facts: { skills: [{ name: "kubernetes", firstUsedYear: 2010 }] } }],
    quiet: [{ name: "Kubernetes from the beta year", facts: { skills: [{ name: "Kubernetes", firstUsedYear: 2013 }, { name: "COBOL", firstUsedYear: 1990 }] } }],
  },
  "low-rate-high-rating": {
    fires: [{ name: "$20/h with 99% over 150 reviews", facts: { rate: { hourlyUsd: 20, marketMedianHourlyUsd: 90, platformRating: 0.99, ratingCount: 150 } } }],
    quiet: [{ name: "low rate, rating unknown", facts: { rate: { hourlyUsd: 20, marketMedianHourlyUsd: 90 } } }],
  },
  "identity-churn": {
    fires: [{ name: "handle changed 3 times", facts: { onlineProfiles: [{ platform: "github", createdAt: "2015-01-01", nameOrHandleChanges: 3 }] } }],
    quiet: [{ name: "one rebrand", facts: { onlineProfiles: [{ platform: "github", createdAt: "2015-01-01", nameOrHandleChanges: 1 }] } }],
  },
  "staffing-agency-risk": {
    fires: [{ name: "agency refuses direct verification", facts: { sourcing: { channel: "staffing_agency", agency: { name: "FastTalent", allowsDirectVerification: false } } } }],
    quiet: [{ name: "agency allows it", facts: { sourcing: { channel: "staffing_agency", agency: { name: "FastTalent", allowsDirectVerification: true } } } }],
  },
  "camera-refusal": {
    fires: [{ name: "camera off, no accommodation", facts: { accommodation: { requested: false }, interviews: [video(1, { cameraDeclined: true })] } }],
    quiet: [
      { name: "deaf candidate used the notary path", suppressed: true, facts: { accommodation: { requested: true, reason: "disability", alternativePath: "notary", alternativePathCompleted: true }, interviews: [video(1, { cameraDeclined: true })] } },
      { name: "camera on", facts: { interviews: [video(1, { cameraDeclined: false })] } },
    ],
  },
  "avoids-in-person": {
    fires: [{ name: "no-show for the in-person meeting", facts: { communication: { inPersonMeeting: "no_show" } } }],
    quiet: [{ name: "not offered", facts: { communication: { inPersonMeeting: "not_offered" } } }],
  },
  "text-only-insistence": {
    fires: [{ name: "insists on chat", facts: { communication: { insistsOnTextOnly: true } } }],
    quiet: [{ name: "deaf candidate with accommodation", suppressed: true, facts: { communication: { insistsOnTextOnly: true }, accommodation: { requested: true, reason: "disability" } } }],
  },
  "prepayment-requests": {
    fires: [
      { name: "three prepayment requests", facts: { communication: { prepaymentRequests: 3 } } },
      { name: "threatens when refused", severity: "H", facts: { communication: { prepaymentRequests: 1, hostileWhenRefused: true } } },
    ],
    quiet: [{ name: "one request", facts: { communication: { prepaymentRequests: 1 } } }],
  },
  "post-hire-exfiltration": {
    fires: [{ name: "code pushed to personal GitHub", facts: { postHire: { codeToPersonalAccounts: true } } }],
    quiet: [{ name: "no post-hire data", facts: { postHire: undefined } }],
  },
  "fresh-contact-details": {
    fires: [
      { name: "email first seen a week before applying", facts: { enrichment: { email: { firstSeenAt: "2026-08-25" } } } },
      { name: "VoIP phone", facts: { enrichment: { phone: { lineType: "voip" } } } },
    ],
    quiet: [{ name: "free provider alone", facts: { enrichment: { email: { freeProvider: true, disposable: false, firstSeenAt: "2019-01-01" } } } }],
  },
  "crypto-payment-request": {
    fires: [
      { name: "employee asks for crypto only", facts: { onboarding: { payment: { requestedMethods: ["crypto"] } } } },
      { name: "crypto-sector contractor", severity: "M", facts: { role: { engagement: "contractor", cryptoSector: true }, onboarding: { payment: { requestedMethods: ["crypto"] } } } },
    ],
    quiet: [{ name: "crypto alongside payroll", facts: { onboarding: { payment: { requestedMethods: ["payroll", "crypto"] } } } }],
  },
  "payee-differs": {
    fires: [
      { name: "account held by someone else", facts: { onboarding: { payment: { payeeName: "Li Wei", accountHolderName: "Li Wei" } } } },
      { name: "four bank changes in a month", facts: { onboarding: { payment: { bankDetailChanges: [iso(AS_OF_MS - 30 * DAY), iso(AS_OF_MS - 20 * DAY), iso(AS_OF_MS - 10 * DAY), iso(AS_OF_MS - 2 * DAY)] } } } },
    ],
    quiet: [
      { name: "payee under documented maiden name", suppressed: true, facts: { candidate: { nameChange: { documented: true, previousNames: ["Jordan Hayes"] } }, onboarding: { payment: { payeeName: "Jordan Hayes", accountHolderName: "Jordan Hayes" } } } },
      { name: "payee unknown", facts: { onboarding: { payment: { payeeName: undefined, accountHolderName: undefined } } } },
    ],
  },
  "money-transfer-onward": {
    fires: [
      { name: "onward to a third country", facts: { onboarding: { payment: { viaMoneyTransferPlatform: true, onwardCountry: "AE" } } } },
      { name: "payout account held in a third country", facts: { onboarding: { payment: { accountCountry: "AE" } } } },
    ],
    quiet: [
      { name: "onward to own country", facts: { onboarding: { payment: { viaMoneyTransferPlatform: true, onwardCountry: "US" } } } },
      { name: "payout account in the claimed country", facts: { onboarding: { payment: { accountCountry: "US" } } } },
      { name: "payout account in the role's country", facts: { candidate: { claimedLocation: { country: "CA" } }, role: { country: "US" }, onboarding: { payment: { accountCountry: "US" } } } },
      { name: "account country with nothing to compare (unknown)", facts: { candidate: { claimedLocation: undefined }, role: undefined, onboarding: { payment: { accountCountry: "AE" } } } },
    ],
  },
  "sanctions-candidate-match": {
    fires: [{ name: "payee matches an SDN entry", facts: { sanctions: { matches: [{ subject: "payee", queryValue: "Chinyong IT Co", listedName: "CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY", program: "DPRK3", score: 0.93 }] } } }],
    quiet: [
      { name: "weak name similarity", facts: { sanctions: { matches: [{ subject: "name", queryValue: "Jordan Miller", listedName: "Jong Min", score: 0.62 }] } } },
      { name: "OFAC weak alias only, nothing agrees", facts: { sanctions: { matches: [{ subject: "employer", queryValue: "Chinyong", listedName: "CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY", score: 1, entryType: "entity", aliasStrength: "weak", agreed: [] }] } } },
    ],
  },
  "concurrent-employment-records": {
    fires: [{ name: "earnings on other payrolls", facts: { onboarding: { postOfferChecks: { concurrentEmployment: true } } } }],
    quiet: [{ name: "before any offer", facts: { offer: { extendedAt: undefined }, onboarding: { postOfferChecks: { concurrentEmployment: true } } } }],
  },
  "ship-to-differs-from-home": {
    fires: [
      { name: "ship to another state", severity: "M", facts: { onboarding: { equipment: { shipTo: { line1: "88 Industrial Pkwy", city: "Nashville", postalCode: "37201", country: "US", isFreightForwarder: false } } } } },
      { name: "freight forwarder", facts: { onboarding: { equipment: { shipTo: { isFreightForwarder: true } } } } },
      { name: "a stated reason is shown, not trusted", severity: "M", facts: { onboarding: { equipment: { shipToReason: "Staying with my parents while I move", shipTo: { line1: "9 Elm Rd", city: "Dayton", postalCode: "45402", country: "US" } } } } },
    ],
    quiet: [{ name: "same address spelled differently", facts: { onboarding: { equipment: { shipTo: { line1: "1200 OAK STREET", postalCode: "43215", country: "US" } } } } }],
  },
  "late-ship-to-change": {
    fires: [{ name: "changed the day before shipping", facts: { onboarding: { equipment: { shippedAt: "2026-10-12T10:00:00Z", shipToChanges: [{ at: "2026-10-11T18:00:00Z" }] } } } }],
    quiet: [
      { name: "changed a month before", facts: { onboarding: { equipment: { shippedAt: "2026-10-12T10:00:00Z", shipToChanges: [{ at: "2026-09-10T18:00:00Z" }] } } } },
      {
        name: "changed the day before, to the home address",
        facts: { onboarding: { equipment: { shippedAt: "2026-10-12T10:00:00Z", shipToChanges: [{ at: "2026-10-11T18:00:00Z", to: { line1: "1200 Oak Street", city: "Columbus", region: "OH", postalCode: "43215", country: "US" } }] } } },
      },
    ],
  },
  "remote-access-tooling": {
    fires: [{ name: "AnyDesk and an IP-KVM", facts: { onboarding: { devices: [{ shippedSerial: "A1", remoteAccessTools: ["AnyDesk"], ipKvmDetected: true }] } } }],
    quiet: [{ name: "nothing found", facts: { onboarding: { devices: [{ shippedSerial: "A1", remoteAccessTools: [] }] } } }],
  },
  "device-serial-mismatch": {
    fires: [{ name: "different serial", facts: { onboarding: { devices: [{ shippedSerial: "C02XK1ZZJGH5", reportedSerial: "FVFZ12345678" }] } } }],
    quiet: [{ name: "case and spaces only", facts: { onboarding: { devices: [{ shippedSerial: "c02xk1zzjgh5 ", reportedSerial: "C02XK1ZZJGH5" }] } } }],
  },
  "declined-in-person-onboarding": {
    fires: [{ name: "declines in-person onboarding offered to all", facts: { onboarding: { inPersonOnboarding: { offeredToAllAtStage: true, outcome: "declined" } } } }],
    quiet: [{ name: "pending", facts: { onboarding: { inPersonOnboarding: { offeredToAllAtStage: true, outcome: "pending" } } } }],
  },
  "shared-contact-identifier": {
    fires: [
      { name: "same bank account as two other names", facts: { linkage: { sharedIdentifiers: [{ kind: "bank", otherCandidateIds: ["c2", "c3"], otherNamesDiffer: true }] } } },
      { name: "same phone as one other name", facts: { linkage: { sharedIdentifiers: [{ kind: "phone", otherCandidateIds: ["c2"], otherNamesDiffer: true }] } } },
      { name: "same address as two other names", facts: { linkage: { sharedIdentifiers: [{ kind: "address", otherCandidateIds: ["c2", "c3"], otherNamesDiffer: true }] } } },
      { name: "same address as one other name (household: weak)", severity: "L", facts: { linkage: { sharedIdentifiers: [{ kind: "address", otherCandidateIds: ["c2"], otherNamesDiffer: true }] } } },
    ],
    quiet: [{ name: "same address, same family name", facts: { linkage: { sharedIdentifiers: [{ kind: "address", otherCandidateIds: ["c2"], otherNamesDiffer: false }] } } }],
  },
  "shared-ship-to": {
    fires: [
      { name: "three other workers' laptops", facts: { linkage: { sharedShipTo: { otherCandidateCount: 3, knownLaptopFarm: false } } } },
      { name: "one other worker's laptop (couples: common)", severity: "M", facts: { linkage: { sharedShipTo: { otherCandidateCount: 1, knownLaptopFarm: false } } } },
    ],
    quiet: [{ name: "no other workers", facts: { linkage: { sharedShipTo: { otherCandidateCount: 0 } } } }],
  },
  "near-duplicate-resume": {
    fires: [
      { name: "96% similar", severity: "M", facts: { linkage: { nearDuplicateResumes: [{ candidateId: "c9", similarity: 0.96 }] } } },
      { name: "the same text on two others (H)", severity: "H", facts: { linkage: { nearDuplicateResumes: [{ candidateId: "c8", similarity: 0.97 }, { candidateId: "c9", similarity: 0.99 }] } } },
    ],
    quiet: [{ name: "template-level similarity", facts: { linkage: { nearDuplicateResumes: [{ candidateId: "c9", similarity: 0.6 }] } } }],
  },
  "shared-ip-or-device": {
    fires: [
      { name: "same device as another applicant", severity: "H", facts: { linkage: { sharedIdentifiers: [{ kind: "device", otherCandidateIds: ["c7"] }] } } },
      { name: "same IP as four applicants", severity: "H", facts: { linkage: { sharedIdentifiers: [{ kind: "ip", otherCandidateIds: ["c1", "c2", "c3", "c4"] }] } } },
    ],
    quiet: [{ name: "same IP as one housemate", facts: { linkage: { sharedIdentifiers: [{ kind: "ip", otherCandidateIds: ["c1"] }] } } }],
  },
  "recurring-front-employers": {
    fires: [
      { name: "unverified employer on 4 other résumés", facts: { linkage: { recurringEmployers: [{ employerName: "Hopana Tech", otherCandidateCount: 4, employerVerified: false }] } } },
      { name: "own check pending, 2 earlier applicants' checks failed", facts: { linkage: { recurringEmployers: [{ employerName: "Hopana Tech", otherCandidateCount: 3, otherUnverifiedCount: 2 }] } } },
    ],
    quiet: [
      { name: "big real employer", facts: { linkage: { recurringEmployers: [{ employerName: "Google", otherCandidateCount: 40, employerVerified: true }] } } },
      { name: "own employment verified although others' checks failed", facts: { linkage: { recurringEmployers: [{ employerName: "Small Shop", otherCandidateCount: 5, employerVerified: true, otherUnverifiedCount: 2 }] } } },
      { name: "recurring employer, nothing failed yet", facts: { linkage: { recurringEmployers: [{ employerName: "Small Shop", otherCandidateCount: 5, otherUnverifiedCount: 0 }] } } },
      { name: "failed here but on only one other résumé", facts: { linkage: { recurringEmployers: [{ employerName: "Hopana Tech", otherCandidateCount: 1, employerVerified: false }] } } },
    ],
  },
  "flagged-referrer": {
    fires: [{ name: "referrer flagged", facts: { sourcing: { channel: "referral", referrer: { id: "w-17", flagged: true } } } }],
    quiet: [{ name: "referrer status unknown", facts: { sourcing: { channel: "referral", referrer: { id: "w-17" } } } }],
  },
};
