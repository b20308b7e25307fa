import { z } from "zod";
import { factsSchema } from "@/lib/engine";
import { parseIp } from "@/lib/enrichment/ip/ip-address";
import { STAGES } from "./candidate";

/**
 * The candidate profile: everything a recruiter, a CSV row or an ATS records about a candidate, by stage.
 *
 * It is the engine's facts model minus what the server computes (enrichment, sanctions, linkage), plus raw
 * `observations` (IPs, device fingerprints, activity timestamps, résumé text, account numbers) that enrichment and
 * linkage turn into facts. Sharing the engine's sub-schemas keeps the form, the API, the CLI and the engine from
 * drifting apart, and inherits its guarantees: strict objects (unknown keys such as `nationality` are rejected),
 * and no protected attribute anywhere.
 */
const opt = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** An IPv4 or IPv6 address as written (kept as given); `1.2.3.4.5`, `999.1.1.1` or `01.2.3.4` are refused. */
const ipAddressField = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .refine((v) => parseIp(v) !== null, { error: (issue) => `"${String(issue.input).slice(0, 64)}" is not an IPv4 or IPv6 address` });

export const IP_CONTEXTS = ["application", "interview", "onboarding", "work"] as const;

const ipObservations = (ip: z.ZodType<string>) =>
  opt(z.array(z.strictObject({ ip, context: z.enum(IP_CONTEXTS), at: opt(z.iso.datetime({ offset: true })) })).max(1000));

const observationsBase = {
  deviceFingerprints: opt(z.array(z.string().trim().min(1).max(500)).max(100)),
  /** Applications, interviews, messages, logins — ISO instants, used for the working-hours analysis. */
  activityTimestamps: opt(z.array(z.iso.datetime({ offset: true })).max(10_000)),
  resumeText: opt(z.string().max(200_000)),
  /** Crypto wallet addresses the candidate gave for payment (screened against the sanctions list). */
  walletAddresses: opt(z.array(z.string().trim().min(10).max(200)).max(20)),
  /**
   * Date of birth from the identity document (YYYY-MM-DD). Used ONLY to corroborate or rule out a sanctions-list
   * name match (OFAC lists dates of birth); never scored, never passed to the rules engine, never used for age.
   */
  dateOfBirth: opt(
    z.iso
      .date({ error: "Date of birth must be YYYY-MM-DD" })
      .refine((d) => d >= "1900-01-01" && d <= new Date().toISOString().slice(0, 10), { error: "Date of birth must be between 1900-01-01 and today" }),
  ),
};

/** Sensitive numbers as given (API, forms, CSV). The server hashes them before anything is stored. */
export const observationsInputSchema = z.strictObject({
  ...observationsBase,
  ips: ipObservations(ipAddressField),
  bankAccountNumbers: opt(z.array(z.string().trim().min(4).max(64)).max(20)),
  governmentIdNumbers: opt(z.array(z.string().trim().min(4).max(64)).max(20)),
});

const hashedNumber = z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/), last4: z.string().max(4) });

/** What is stored: account and ID numbers only as keyed hashes plus their last four digits. */
export const observationsStoredSchema = z.strictObject({
  ...observationsBase,
  // Lenient: profiles stored before addresses were checked must still load (enrichment treats a bad one as unknown).
  ips: ipObservations(z.string().trim().min(2).max(64)),
  bankAccounts: opt(z.array(hashedNumber)),
  governmentIds: opt(z.array(hashedNumber)),
});

const profileBase = factsSchema.omit({ enrichment: true, sanctions: true, linkage: true });

export const VERIFICATION_OUTCOMES = ["passed", "failed", "inconclusive"] as const;

/** Verification steps marked done, with their outcome: the record of what was checked (never sent to the engine). */
export const verificationRecordSchema = z.strictObject({
  stepId: z.string().min(1).max(60),
  outcome: z.enum(VERIFICATION_OUTCOMES),
  note: opt(z.string().max(2000)),
  at: z.iso.datetime({ offset: true }),
  by: opt(z.string().max(200)),
});
export type VerificationRecord = z.infer<typeof verificationRecordSchema>;

export const profileInputSchema = profileBase.extend({
  observations: opt(observationsInputSchema),
  verifications: opt(z.array(verificationRecordSchema).max(500)),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const storedProfileSchema = profileBase.extend({
  observations: opt(observationsStoredSchema),
  verifications: opt(z.array(verificationRecordSchema).max(500)),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

/** One candidate as an ATS, the CSV importer or the CLI sends it: a whole profile with any stage's evidence. */
export const candidateSubmissionSchema = z
  .strictObject({
    /** The candidate's id in the sending ATS: a re-submission with the same id updates instead of duplicating. */
    externalId: opt(z.string().trim().min(1).max(200)),
    stage: z.enum(STAGES).default("APPLICATION"),
    profile: profileInputSchema,
  })
  .superRefine((value, ctx) => {
    if (!value.profile.candidate?.legalName) {
      ctx.addIssue({ code: "custom", path: ["profile", "candidate", "legalName"], message: "The candidate's legal name is required" });
    }
    if (!value.profile.candidate?.email) {
      ctx.addIssue({ code: "custom", path: ["profile", "candidate", "email"], message: "The candidate's email is required" });
    }
  });
export type CandidateSubmission = z.infer<typeof candidateSubmissionSchema>;
export type CandidateSubmissionInput = z.input<typeof candidateSubmissionSchema>;
