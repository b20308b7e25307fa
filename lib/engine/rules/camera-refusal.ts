import { z } from "zod";
import { defineRule, hit, suppressed } from "../rule";

export default defineRule({
  id: "camera-refusal",
  indicatorIds: ["COM-01"],
  category: "COMMUNICATION",
  severity: "M",
  title: "Unwilling or unable to appear on camera",
  description: "The candidate declined or was unable to turn the camera on in video rounds. Never scored when an accommodation was requested or an alternative path (in-person, notary) was taken: camera refusal can be disability-related (design rule 4).",
  source: ["PSA23", "JP24"],
  innocentExplanations: ["Disability or health condition", "Poor bandwidth or no camera", "Privacy at home"],
  verificationStep: "alternative-identity-proofing",
  reads: ["interviews[].cameraDeclined", "accommodation"],
  configSchema: z.strictObject({ minRounds: z.number().int().min(1) }),
  defaultConfig: { minRounds: 1 },
  evaluate(facts, config) {
    const interviews = facts.interviews;
    if (!interviews) return null;
    const rounds: number[] = [];
    for (const i of interviews) if (i.cameraDeclined === true) rounds.push(i.round);
    if (rounds.length < config.minRounds) return null;
    const evidence = [{ label: "Video rounds without camera", value: rounds.join(", ") }];
    const acc = facts.accommodation;
    if (acc && (acc.requested === true || acc.alternativePathCompleted === true))
      return suppressed(
        `An accommodation path was ${acc.alternativePathCompleted === true ? `completed (${acc.alternativePath ?? "alternative path"})` : "requested"}.`,
        evidence,
      );
    return hit(`The candidate did not appear on camera in ${rounds.length} video round(s) and no accommodation path was used.`, evidence);
  },
});
