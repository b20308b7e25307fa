import { z } from "zod";
import { STAGES } from "./candidate";
import { idempotencyKeyField, uuidField, versionField } from "./common";

/** The envelope a stage form posts: the sections it owns travel as JSON and are validated with the profile schema. */
export const stageEvidenceSchema = z.strictObject({
  candidateId: uuidField,
  stageKey: z.enum(["APPLICATION", "INTERVIEW", "ONBOARDING"]),
  stage: z.enum(STAGES, { error: "Choose the stage" }),
  idempotencyKey: idempotencyKeyField,
  version: versionField,
  payload: z.string().max(2_000_000, "The form is too large"),
});
