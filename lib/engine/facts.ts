/**
 * The facts the rules read, grouped by source.
 *
 * Conventions (read before adding a field):
 * - **Unknown is a value, distinct from false.** Every leaf is optional and nullable: an absent key or `null`
 *   means "we do not know". Rules test `=== true` / `=== false` / a concrete enum member, so a rule never fires
 *   on missing data. Where a check has more outcomes than yes/no we use an explicit enum
 *   (e.g. `"passed" | "failed" | "declined" | "not_done"`) instead of a boolean.
 * - Dates are ISO 8601 strings: `z.iso.date()` (YYYY-MM-DD) or `z.iso.datetime({ offset: true })`.
 * - Countries are ISO 3166-1 alpha-2 codes in upper case.
 * - Every object is strict: unknown keys are rejected. That is how the schema keeps protected attributes out —
 *   there is deliberately **no** field for nationality, citizenship, ethnicity, national origin, name origin or
 *   romanisation, spoken language, accent or fluency, country of education, or photo-inferred traits, and a profile
 *   that carries one fails validation (red-flags.md, "Never score").
 * - Enrichment and linkage arrive precomputed (lib/enrichment, lib/server linkage); the engine does no I/O.
 * - Validate at the boundary with `factsSchema.parse`; `evaluate` trusts its input and does not re-validate.
 */
import { z } from "zod";

/** Absent or null = unknown. */
const opt = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code, upper case");
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const probability = z.number().min(0).max(1);
const count = z.number().int().min(0);

export const addressSchema = z.strictObject({
  line1: opt(z.string().min(1)),
  line2: opt(z.string()),
  city: opt(z.string()),
  region: opt(z.string()),
  postalCode: opt(z.string()),
  country: opt(countryCodeSchema),
});
export type Address = z.infer<typeof addressSchema>;

export const NAME_SOURCES = ["application", "resume", "idDocument", "emailDisplayName", "onlineProfile", "paymentPlatform"] as const;

// ── Candidate ──────────────────────────────────────────────────────────────────────────────────────────────
const candidateSchema = z.strictObject({
  id: opt(z.string()),
  /** The name on the identity document (or the application when no document has been seen yet). */
  legalName: opt(z.string().min(1)),
  /** The name as it appears in each other place it was presented. */
  names: opt(z.array(z.strictObject({ source: z.enum(NAME_SOURCES), name: z.string().min(1) }))),
  /** A documented legal name change (marriage, divorce, court order) and the names it covers. */
  nameChange: opt(z.strictObject({ documented: z.boolean(), previousNames: z.array(z.string().min(1)) })),
  email: opt(z.string()),
  phone: opt(z.string()),
  claimedLocation: opt(
    z.strictObject({
      city: opt(z.string()),
      region: opt(z.string()),
      country: opt(countryCodeSchema),
      utcOffsetMinutes: opt(z.number().int().min(-720).max(840)),
    }),
  ),
  homeAddress: opt(addressSchema),
  /** The working pattern the candidate told us about (e.g. night shift); not inferred. */
  declaredWorkingHours: opt(z.enum(["standard", "night_shift", "flexible"])),
});

const roleSchema = z.strictObject({
  title: opt(z.string()),
  /** Where the role is to be performed. */
  country: opt(countryCodeSchema),
  engagement: opt(z.enum(["employee", "contractor"])),
  /** The hiring company operates in the crypto sector (affects how crypto pay is read, PAY-01). */
  cryptoSector: opt(z.boolean()),
});

// ── Sourcing channel ───────────────────────────────────────────────────────────────────────────────────────
const sourcingSchema = z.strictObject({
  channel: opt(z.enum(["direct", "job_board", "referral", "staffing_agency", "freelance_platform"])),
  referrer: opt(
    z.strictObject({
      id: opt(z.string()),
      kind: opt(z.enum(["candidate", "employee", "contractor", "external"])),
      /** The referrer is themselves flagged in this system (LNK-07). */
      flagged: opt(z.boolean()),
    }),
  ),
  agency: opt(
    z.strictObject({
      name: opt(z.string()),
      allowsDirectVerification: opt(z.boolean()),
      /** Linked to known facilitators by an investigation, list or prior case. */
      linkedToFacilitator: opt(z.boolean()),
    }),
  ),
});

// ── Stages ─────────────────────────────────────────────────────────────────────────────────────────────────
const applicationSchema = z.strictObject({
  submittedAt: opt(isoDateTime),
  claimedYearsExperience: opt(z.number().min(0).max(70)),
});

const checkOutcome = z.enum(["passed", "failed", "declined", "not_done"]);

export const interviewSchema = z.strictObject({
  round: z.number().int().min(1),
  at: opt(isoDateTime),
  mode: opt(z.enum(["video", "audio", "text", "in_person"])),
  /** The candidate declined or was unable to turn the camera on for a video round. */
  cameraDeclined: opt(z.boolean()),
  faceMatchesEarlierRounds: opt(z.boolean()),
  voiceMatchesEarlierRounds: opt(z.boolean()),
  photoMatchesApplicationAndId: opt(z.boolean()),
  /** Application/profile photo found to be a stock image, another person's, or AI-generated. */
  stockOrSyntheticPhoto: opt(z.boolean()),
  deepfakeSigns: opt(z.boolean()),
  handInFrontOfFaceCheck: opt(checkOutcome),
  surroundingsCheck: opt(checkOutcome),
  localKnowledgeCheck: opt(checkOutcome),
  /** Long pauses, reading, plausible-but-wrong answers during a technical test. */
  assistanceSigns: opt(z.boolean()),
});
export type Interview = z.infer<typeof interviewSchema>;

const accommodationSchema = z.strictObject({
  requested: opt(z.boolean()),
  reason: opt(z.enum(["disability", "religious", "other"])),
  alternativePath: opt(z.enum(["notary", "in_person", "captioned_video", "text_interview", "other"])),
  alternativePathCompleted: opt(z.boolean()),
});

const communicationSchema = z.strictObject({
  insistsOnTextOnly: opt(z.boolean()),
  prepaymentRequests: opt(count),
  hostileWhenRefused: opt(z.boolean()),
  inPersonMeeting: opt(z.enum(["attended", "declined", "no_show", "not_offered"])),
  drugTest: opt(z.enum(["completed", "declined", "no_show", "not_required"])),
});

const offerSchema = z.strictObject({
  extendedAt: opt(isoDateTime),
  acceptedAt: opt(isoDateTime),
  startDate: opt(isoDate),
});

const offeredToAll = z.strictObject({
  /** The step is offered to everyone at this stage (design rule 3); a decline only counts if so. */
  offeredToAllAtStage: opt(z.boolean()),
  outcome: opt(z.enum(["completed", "declined", "pending", "not_offered"])),
});

const identityProofingSchema = z.strictObject({
  documentCheck: opt(
    z.strictObject({
      result: opt(z.enum(["passed", "failed", "inconclusive", "not_run"])),
      anomalies: opt(z.array(z.string())),
      checkedBy: opt(z.enum(["vendor", "reviewer"])),
    }),
  ),
  /** Notarized or in-person identity proofing. */
  alternativeProofing: opt(offeredToAll.extend({ method: opt(z.enum(["notary", "in_person"])) })),
});

const postOfferChecksSchema = z.strictObject({
  ssnTrace: opt(z.enum(["match", "mismatch", "pending", "not_run"])),
  eVerify: opt(z.enum(["authorized", "tentative_nonconfirmation", "final_nonconfirmation", "pending", "not_run"])),
  /** Earnings/tax records show the identity on other payrolls at the same time. */
  concurrentEmployment: opt(z.boolean()),
});

export const PAYMENT_METHODS = ["payroll", "bank_transfer", "crypto", "money_transfer_platform", "check", "other"] as const;

const paymentSchema = z.strictObject({
  requestedMethods: opt(z.array(z.enum(PAYMENT_METHODS))),
  payeeName: opt(z.string().min(1)),
  accountHolderName: opt(z.string().min(1)),
  bankDetailChanges: opt(z.array(isoDateTime)),
  viaMoneyTransferPlatform: opt(z.boolean()),
  /** Country the money is forwarded to after the transfer platform. */
  onwardCountry: opt(countryCodeSchema),
  /** Country of the bank (or e-money) account pay is to go to: where the account is held, not the payee's nationality. */
  accountCountry: opt(countryCodeSchema),
});

const equipmentSchema = z.strictObject({
  shipTo: opt(addressSchema.extend({ isFreightForwarder: opt(z.boolean()) })),
  /** Why the worker asked for the equipment to go to this address (e.g. staying with family while moving), as they stated it. */
  shipToReason: opt(z.string().trim().min(1).max(1000)),
  shippedAt: opt(isoDateTime),
  shipToChanges: opt(z.array(z.strictObject({ at: isoDateTime, to: opt(addressSchema) }))),
});

export const deviceSchema = z.strictObject({
  assetTag: opt(z.string()),
  shippedSerial: opt(z.string()),
  reportedSerial: opt(z.string()),
  firstOnlineAt: opt(isoDateTime),
  firstOnlineCountry: opt(countryCodeSchema),
  firstOnlineViaVpn: opt(z.boolean()),
  remoteAccessTools: opt(z.array(z.string())),
  ipKvmDetected: opt(z.boolean()),
  malwareDetected: opt(z.boolean()),
});

const onboardingSchema = z.strictObject({
  identityProofing: opt(identityProofingSchema),
  postOfferChecks: opt(postOfferChecksSchema),
  faceMatchesInterview: opt(z.boolean()),
  inPersonOnboarding: opt(offeredToAll),
  payment: opt(paymentSchema),
  equipment: opt(equipmentSchema),
  devices: opt(z.array(deviceSchema)),
});

// ── History and profile ────────────────────────────────────────────────────────────────────────────────────
const verificationSchema = z.strictObject({
  method: opt(z.enum(["independent_contact", "candidate_supplied_contact", "third_party_service", "none"])),
  outcome: opt(z.enum(["verified", "unverifiable", "contradicted", "pending"])),
});

export const jobSchema = z.strictObject({
  employerName: z.string().min(1),
  title: opt(z.string()),
  start: opt(isoDate),
  /** null/absent with `current: true` = ongoing. */
  end: opt(isoDate),
  current: opt(z.boolean()),
  fullTime: opt(z.boolean()),
  verification: opt(verificationSchema),
  /** Result of checking the employer itself (website, registry). */
  employerCheck: opt(
    z.strictObject({ websiteFabricated: opt(z.boolean()), registeredEntityFound: opt(z.boolean()) }),
  ),
});
export type Job = z.infer<typeof jobSchema>;

const educationSchema = z.strictObject({
  institution: z.string().min(1),
  credential: opt(z.string()),
  end: opt(isoDate),
  verification: opt(verificationSchema),
});

const referenceSchema = z.strictObject({
  name: opt(z.string()),
  contactDetails: opt(z.enum(["complete", "minimal", "none"])),
  independentlySourced: opt(z.boolean()),
  reachable: opt(z.boolean()),
});

const onlineProfileSchema = z.strictObject({
  platform: z.enum(["github", "gitlab", "linkedin", "stackoverflow", "freelance", "portfolio", "other"]),
  url: opt(z.string()),
  createdAt: opt(isoDate),
  matchesResume: opt(z.boolean()),
  photoConsistentWithOtherProfiles: opt(z.boolean()),
  backdatedActivity: opt(z.boolean()),
  copiedRepositories: opt(z.boolean()),
  nameOrHandleChanges: opt(count),
  deleted: opt(z.boolean()),
});

const skillSchema = z.strictObject({ name: z.string().min(1), firstUsedYear: opt(z.number().int().min(1950).max(2100)) });

const rateSchema = z.strictObject({
  hourlyUsd: opt(z.number().min(0)),
  marketMedianHourlyUsd: opt(z.number().min(0)),
  /** Platform rating normalised to 0–1 (e.g. 4.9/5 → 0.98). */
  platformRating: opt(probability),
  ratingCount: opt(count),
});

const activitySchema = z.strictObject({
  sessions: opt(z.array(z.strictObject({ startedAt: isoDateTime, endedAt: opt(isoDateTime) }))),
  remoteDesktopObserved: opt(z.boolean()),
});

const postHireSchema = z.strictObject({
  codeToPersonalAccounts: opt(z.boolean()),
  sessionReuseFromUnknownDevices: opt(z.boolean()),
  extortionAttempt: opt(z.boolean()),
});

// ── Enrichment and linkage (precomputed) ───────────────────────────────────────────────────────────────────
export const ipObservationSchema = z.strictObject({
  context: z.enum(["application", "interview", "onboarding", "work"]),
  at: opt(isoDateTime),
  country: opt(countryCodeSchema),
  asn: opt(z.number().int().min(0)),
  org: opt(z.string()),
  isHosting: opt(z.boolean()),
  isVpn: opt(z.boolean()),
  isProxy: opt(z.boolean()),
  isTor: opt(z.boolean()),
  /** Privacy relay / CDN egress (iCloud Private Relay, Cloudflare WARP): the address is the relay's, not the user's. */
  isRelay: opt(z.boolean()),
  distanceKmFromClaimed: opt(z.number().min(0)),
});
export type IpObservation = z.infer<typeof ipObservationSchema>;

const enrichmentSchema = z.strictObject({
  ip: opt(z.array(ipObservationSchema)),
  phone: opt(
    z.strictObject({
      valid: opt(z.boolean()),
      country: opt(countryCodeSchema),
      lineType: opt(z.enum(["mobile", "landline", "voip", "toll_free", "other"])),
      firstSeenAt: opt(isoDate),
    }),
  ),
  email: opt(
    z.strictObject({ disposable: opt(z.boolean()), freeProvider: opt(z.boolean()), firstSeenAt: opt(isoDate) }),
  ),
  activity: opt(
    z.strictObject({
      /** Share of activity inside 08:00–19:00 of the claimed timezone. */
      shareInClaimedWorkHours: opt(probability),
      bestFitUtcOffsetMinutes: opt(z.number().int().min(-720).max(840)),
      claimedUtcOffsetMinutes: opt(z.number().int().min(-720).max(840)),
      sampleSize: opt(count),
    }),
  ),
});

export const SANCTIONS_SUBJECTS = ["name", "employer", "agency", "payee", "wallet"] as const;
export const SANCTIONS_ATTRIBUTES = ["dateOfBirth", "addressCountry", "idNumber", "wallet"] as const;
const sanctionsAttributeSchema = z.strictObject({ attribute: z.enum(SANCTIONS_ATTRIBUTES), detail: z.string() });
const sanctionsSchema = z.strictObject({
  listVersion: opt(z.string()),
  matches: opt(
    z.array(
      z.strictObject({
        subject: z.enum(SANCTIONS_SUBJECTS),
        queryValue: z.string(),
        listedName: z.string(),
        program: opt(z.string()),
        /** Matcher score 0–1. */
        score: probability,
        /** The listed entry's type: name-only matches on persons are "possible match — review". */
        entryType: opt(z.enum(["individual", "entity", "vessel", "aircraft"])),
        /** "weak": the match rests on an OFAC weak alias only, which corroborates but never makes a hit. */
        aliasStrength: opt(z.enum(["strong", "weak"])),
        /** The applicant's attributes that agree with the listed entry's (date of birth, address country, ID, wallet). */
        agreed: opt(z.array(sanctionsAttributeSchema)),
        /** …and those that contradict it (a different date of birth). */
        conflicted: opt(z.array(sanctionsAttributeSchema)),
      }),
    ),
  ),
});

export const LINK_KINDS = ["email", "phone", "address", "bank", "device", "ip", "govId"] as const;
const linkageSchema = z.strictObject({
  sharedIdentifiers: opt(
    z.array(
      z.strictObject({
        kind: z.enum(LINK_KINDS),
        otherCandidateIds: z.array(z.string()),
        otherNamesDiffer: opt(z.boolean()),
      }),
    ),
  ),
  nearDuplicateResumes: opt(z.array(z.strictObject({ candidateId: z.string(), similarity: probability }))),
  sharedShipTo: opt(z.strictObject({ otherCandidateCount: opt(count), knownLaptopFarm: opt(z.boolean()) })),
  recurringEmployers: opt(
    z.array(
      z.strictObject({
        employerName: z.string(),
        otherCandidateCount: count,
        /** This candidate's own check of the employer: employment verified (true) or failed / fabricated (false). */
        employerVerified: opt(z.boolean()),
        /** How many of those other applicants' checks of this employer failed (unverifiable, contradicted, fabricated). */
        otherUnverifiedCount: opt(count),
      }),
    ),
  ),
});

export const factsSchema = z.strictObject({
  candidate: opt(candidateSchema),
  role: opt(roleSchema),
  sourcing: opt(sourcingSchema),
  application: opt(applicationSchema),
  interviews: opt(z.array(interviewSchema)),
  accommodation: opt(accommodationSchema),
  communication: opt(communicationSchema),
  offer: opt(offerSchema),
  onboarding: opt(onboardingSchema),
  workHistory: opt(z.array(jobSchema)),
  education: opt(z.array(educationSchema)),
  references: opt(z.array(referenceSchema)),
  onlineProfiles: opt(z.array(onlineProfileSchema)),
  skills: opt(z.array(skillSchema)),
  rate: opt(rateSchema),
  activity: opt(activitySchema),
  postHire: opt(postHireSchema),
  enrichment: opt(enrichmentSchema),
  sanctions: opt(sanctionsSchema),
  linkage: opt(linkageSchema),
});

export type Facts = z.infer<typeof factsSchema>;
/** The input shape (identical to Facts: the schema has no transforms). */
export type FactsInput = z.input<typeof factsSchema>;

/** Keys a profile must never carry; listed for tests and docs. Unknown keys are rejected anyway. */
export const PROTECTED_ATTRIBUTE_KEYS = [
  "nationality",
  "citizenship",
  "ethnicity",
  "race",
  "nationalOrigin",
  "nameOrigin",
  "romanisation",
  "language",
  "languages",
  "accent",
  "fluency",
  "countryOfEducation",
  "photoTraits",
] as const;
