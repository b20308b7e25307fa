import { z } from "zod";
import { uuidField } from "./common";

export const DECISION_OUTCOMES = ["PROCEED", "HOLD", "REFER_TO_SECURITY", "CLEARED", "NOT_CLEARED"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISION_LABELS: Record<DecisionOutcome, string> = {
  PROCEED: "Proceed",
  HOLD: "Hold",
  REFER_TO_SECURITY: "Refer to security",
  CLEARED: "Security review: cleared",
  NOT_CLEARED: "Security review: not cleared",
};

/** Outcomes only a security analyst or admin may record. */
export const REVIEW_OUTCOMES: readonly DecisionOutcome[] = ["CLEARED", "NOT_CLEARED"];

export const decisionSchema = z.strictObject({
  candidateId: uuidField,
  outcome: z.enum(DECISION_OUTCOMES, { error: "Choose a decision" }),
  rationale: z
    .string({ error: "Write the rationale for this decision" })
    .trim()
    .min(10, "Write the rationale for this decision (at least 10 characters)")
    .max(4000, "Keep the rationale under 4,000 characters"),
  /**
   * The screening the person saw when the page was rendered ("" when there was none). A decision is refused if the
   * candidate has been screened again since: it would otherwise be recorded against a result nobody looked at.
   */
  screeningId: z.union([z.uuid({ error: "The form is out of date; reload the page and try again" }), z.literal("")]).optional(),
});
export type DecisionInput = z.infer<typeof decisionSchema>;
