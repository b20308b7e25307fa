import { z } from "zod";
import { idempotencyKeyField, optionalText, uuidField, versionField } from "./common";
import { VERIFICATION_OUTCOMES } from "./profile";

export const verificationStepDoneSchema = z.strictObject({
  candidateId: uuidField,
  stepId: z.string().min(1).max(60),
  outcome: z.enum(VERIFICATION_OUTCOMES, { error: "Choose the outcome" }),
  note: optionalText(2000, "Note"),
  idempotencyKey: idempotencyKeyField,
  version: versionField,
});
