import { z } from "zod";
import { countryField, emailField, idempotencyKeyField, optionalText, phoneField, requiredText } from "./common";

export const STAGES = ["APPLICATION", "INTERVIEW", "OFFER", "ONBOARDING", "HIRED", "WITHDRAWN"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  APPLICATION: "Application",
  INTERVIEW: "Interview",
  OFFER: "Offer",
  ONBOARDING: "Onboarding",
  HIRED: "Hired",
  WITHDRAWN: "Withdrawn",
};

/** The first slice of intake: identity, contact and claimed work location. No protected attribute is asked. */
export const candidateCreateSchema = z.strictObject({
  fullName: requiredText(200, "Full name"),
  email: emailField,
  phone: phoneField,
  claimedCity: optionalText(120, "City"),
  claimedRegion: optionalText(120, "Region"),
  claimedCountry: countryField,
});
export type CandidateCreateInput = z.infer<typeof candidateCreateSchema>;

export const candidateCreateFormSchema = candidateCreateSchema.extend({ idempotencyKey: idempotencyKeyField });

export const CANDIDATE_SORTS = ["newest", "oldest", "risk"] as const;
export const BAND_VALUES = ["CLEAR", "LOW", "ELEVATED", "HIGH", "CRITICAL"] as const;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** List filters as they arrive in the URL; anything malformed is a validation error, never a 500. */
export const candidateListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  band: z.preprocess(emptyToUndefined, z.enum(BAND_VALUES).optional()),
  stage: z.preprocess(emptyToUndefined, z.enum(STAGES).optional()),
  indicator: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Z]{2,3}-\d{2}$/, "Unknown indicator").optional()),
  from: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  to: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(CANDIDATE_SORTS).default("newest")),
  cursor: z.preprocess(emptyToUndefined, z.string().max(300).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CandidateListQuery = z.infer<typeof candidateListQuerySchema>;
