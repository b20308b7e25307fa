import { z } from "zod";
import { requiredText, uuidField } from "./common";

/** A reference to where the supporting evidence is kept: a document name, ticket id or an http(s) URL. */
const referenceField = z
  .string()
  .trim()
  .max(500, "Keep the reference under 500 characters")
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(v) || /^https?:\/\/\S+$/i.test(v), {
    error: "A link must start with http:// or https:// (or write a document name instead)",
  });

/** Recording an explanation on one hit of the candidate's latest screening. */
export const explainFlagSchema = z.strictObject({
  candidateId: uuidField,
  /** The screening the person saw: an explanation of a hit nobody looked at is refused (CONFLICT). */
  screeningId: z.uuid({ error: "The form is out of date; reload the page and try again" }),
  ruleId: z.string().trim().min(1, "Choose the flag to explain").max(100),
  explanation: z
    .string({ error: "Write the explanation" })
    .trim()
    .min(10, "Write the explanation (at least 10 characters): what the candidate said and what you checked")
    .max(4000, "Keep the explanation under 4,000 characters"),
  reference: referenceField,
});
export type ExplainFlagInput = z.infer<typeof explainFlagSchema>;

export const EXPLANATION_OUTCOMES = ["ACCEPTED", "REJECTED"] as const;
export type ExplanationOutcome = (typeof EXPLANATION_OUTCOMES)[number];

/** A security analyst's or admin's decision on an explanation, with why. */
export const reviewExplanationSchema = z.strictObject({
  explanationId: uuidField,
  outcome: z.enum(EXPLANATION_OUTCOMES, { error: "Choose accept or reject" }),
  note: requiredText(2000, "The reason for your decision").refine((v) => v.length >= 5, { error: "Say why (at least 5 characters)" }),
});
export type ReviewExplanationInput = z.infer<typeof reviewExplanationSchema>;
