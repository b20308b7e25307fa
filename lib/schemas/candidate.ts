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

export const candidateListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CandidateListQuery = z.infer<typeof candidateListQuerySchema>;
