/**
 * Test and seed factory: `makeFacts(overrides)` returns a clean, fully known, validated profile of a candidate
 * who has been through application, two interview rounds, offer and onboarding without a single red flag.
 * Overrides are deep-merged: objects merge, arrays and scalars replace, `undefined` removes a key (= unknown).
 */
import { factsSchema, type Facts } from "../facts";

export type DeepPartial<T> = T extends readonly (infer _U)[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | undefined } : T;
export type FactsOverrides = DeepPartial<Facts>;

/** A fixed evaluation time for tests (after onboarding of the clean profile). */
export const FIXED_AS_OF = new Date("2026-11-02T12:00:00Z");

export function cleanFacts(): Facts {
  return {
    candidate: {
      id: "cand-clean-001",
      legalName: "Jordan Avery Miller",
      names: [
        { source: "application", name: "Jordan Miller" },
        { source: "resume", name: "Jordan A. Miller" },
        { source: "emailDisplayName", name: "Jordan Miller" },
        { source: "onlineProfile", name: "Jordan Miller" },
      ],
      email: "jordan.miller@example.com",
      phone: "+16145550142",
      claimedLocation: { city: "Columbus", region: "OH", country: "US", utcOffsetMinutes: -300 },
      homeAddress: { line1: "1200 Oak Street", city: "Columbus", region: "OH", postalCode: "43215", country: "US" },
      declaredWorkingHours: "standard",
    },
    role: { title: "Senior Software Engineer", country: "US", engagement: "employee", cryptoSector: false },
    sourcing: { channel: "direct" },
    application: { submittedAt: "2026-09-01T14:00:00Z", claimedYearsExperience: 8 },
    interviews: [
      {
        round: 1,
        at: "2026-09-10T15:00:00Z",
        mode: "video",
        cameraDeclined: false,
        photoMatchesApplicationAndId: true,
        stockOrSyntheticPhoto: false,
        deepfakeSigns: false,
        handInFrontOfFaceCheck: "passed",
        surroundingsCheck: "passed",
        localKnowledgeCheck: "passed",
        assistanceSigns: false,
      },
      {
        round: 2,
        at: "2026-09-17T16:00:00Z",
        mode: "video",
        cameraDeclined: false,
        faceMatchesEarlierRounds: true,
        voiceMatchesEarlierRounds: true,
        photoMatchesApplicationAndId: true,
        deepfakeSigns: false,
        assistanceSigns: false,
      },
    ],
    accommodation: { requested: false },
    communication: { insistsOnTextOnly: false, prepaymentRequests: 0, hostileWhenRefused: false, inPersonMeeting: "attended", drugTest: "not_required" },
    offer: { extendedAt: "2026-09-24T18:00:00Z", acceptedAt: "2026-09-26T13:00:00Z", startDate: "2026-10-19" },
    onboarding: {
      identityProofing: {
        documentCheck: { result: "passed", anomalies: [], checkedBy: "vendor" },
        alternativeProofing: { offeredToAllAtStage: true, outcome: "completed", method: "in_person" },
      },
      postOfferChecks: { ssnTrace: "match", eVerify: "authorized", concurrentEmployment: false },
      faceMatchesInterview: true,
      inPersonOnboarding: { offeredToAllAtStage: true, outcome: "completed" },
      payment: {
        requestedMethods: ["payroll"],
        payeeName: "Jordan A Miller",
        accountHolderName: "Jordan Avery Miller",
        bankDetailChanges: [],
        viaMoneyTransferPlatform: false,
      },
      equipment: {
        shipTo: { line1: "1200 Oak St.", city: "Columbus", region: "OH", postalCode: "43215", country: "US", isFreightForwarder: false },
        shippedAt: "2026-10-12T10:00:00Z",
        shipToChanges: [],
      },
      devices: [
        {
          assetTag: "LT-0451",
          shippedSerial: "C02XK1ZZJGH5",
          reportedSerial: "C02XK1ZZJGH5",
          firstOnlineAt: "2026-10-15T13:05:00Z",
          firstOnlineCountry: "US",
          firstOnlineViaVpn: false,
          remoteAccessTools: [],
          ipKvmDetected: false,
          malwareDetected: false,
        },
      ],
    },
    workHistory: [
      {
        employerName: "Northwind Analytics Inc.",
        title: "Software Engineer",
        start: "2018-06-01",
        end: "2022-03-31",
        fullTime: true,
        verification: { method: "independent_contact", outcome: "verified" },
        employerCheck: { websiteFabricated: false, registeredEntityFound: true },
      },
      {
        employerName: "Contoso Health",
        title: "Senior Software Engineer",
        start: "2022-04-15",
        current: true,
        fullTime: true,
        verification: { method: "independent_contact", outcome: "verified" },
        employerCheck: { websiteFabricated: false, registeredEntityFound: true },
      },
    ],
    education: [{ institution: "Ohio State University", credential: "BSc Computer Science", end: "2018-05-15", verification: { method: "third_party_service", outcome: "verified" } }],
    references: [
      { name: "Sam Ortiz", contactDetails: "complete", independentlySourced: true, reachable: true },
      { name: "Priya Raman", contactDetails: "complete", independentlySourced: true, reachable: true },
    ],
    onlineProfiles: [
      { platform: "github", url: "https://github.com/jmiller", createdAt: "2014-09-02", matchesResume: true, photoConsistentWithOtherProfiles: true, backdatedActivity: false, copiedRepositories: false, nameOrHandleChanges: 0, deleted: false },
      { platform: "linkedin", url: "https://www.linkedin.com/in/jmiller", createdAt: "2015-01-20", matchesResume: true, photoConsistentWithOtherProfiles: true, nameOrHandleChanges: 0, deleted: false },
    ],
    skills: [
      { name: "TypeScript", firstUsedYear: 2016 },
      { name: "React", firstUsedYear: 2017 },
      { name: "Go", firstUsedYear: 2019 },
      { name: "PostgreSQL", firstUsedYear: 2015 },
    ],
    rate: { hourlyUsd: 95, marketMedianHourlyUsd: 90 },
    activity: {
      sessions: [
        { startedAt: "2026-10-20T13:00:00Z", endedAt: "2026-10-20T21:30:00Z" },
        { startedAt: "2026-10-21T13:10:00Z", endedAt: "2026-10-21T22:00:00Z" },
      ],
      remoteDesktopObserved: false,
    },
    postHire: { codeToPersonalAccounts: false, sessionReuseFromUnknownDevices: false, extortionAttempt: false },
    enrichment: {
      ip: [
        { context: "application", at: "2026-09-01T14:00:00Z", country: "US", asn: 7922, org: "Comcast Cable", isHosting: false, isVpn: false, isProxy: false, isTor: false, distanceKmFromClaimed: 6 },
        { context: "interview", at: "2026-09-10T15:00:00Z", country: "US", asn: 7922, org: "Comcast Cable", isHosting: false, isVpn: false, isProxy: false, isTor: false, distanceKmFromClaimed: 6 },
        { context: "interview", at: "2026-09-17T16:00:00Z", country: "US", asn: 7922, org: "Comcast Cable", isHosting: false, isVpn: false, isProxy: false, isTor: false, distanceKmFromClaimed: 6 },
      ],
      phone: { valid: true, country: "US", lineType: "mobile", firstSeenAt: "2016-03-01" },
      email: { disposable: false, freeProvider: false, firstSeenAt: "2015-02-11" },
      activity: { shareInClaimedWorkHours: 0.82, bestFitUtcOffsetMinutes: -300, claimedUtcOffsetMinutes: -300, sampleSize: 240 },
    },
    sanctions: { listVersion: "sdn-2026-10-30", matches: [] },
    linkage: { sharedIdentifiers: [], nearDuplicateResumes: [], sharedShipTo: { otherCandidateCount: 0, knownLaptopFarm: false }, recurringEmployers: [] },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function deepMerge<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(overrides) || !isPlainObject(base)) return (overrides === undefined ? base : overrides) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
  }
  return out as T;
}

/** A clean, valid profile with overrides applied; validated with factsSchema (throws on an invalid override). */
export function makeFacts(overrides: FactsOverrides = {}): Facts {
  return factsSchema.parse(deepMerge(cleanFacts(), overrides));
}
