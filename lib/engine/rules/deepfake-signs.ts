import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "deepfake-signs",
  indicatorIds: ["ID-06"],
  category: "IDENTITY",
  severity: "M",
  title: "Deepfake or face-swap signs on video",
  description: "An interviewer saw face-swap or voice-changer artefacts, or the candidate failed the hand-in-front-of-face check.",
  source: ["PSA25", "MSFT25", "TRI25"],
  innocentExplanations: ["Background blur or beauty filters in the video app", "Low bandwidth causing artefacts"],
  verificationStep: "live-identity-check",
  reads: ["interviews[].deepfakeSigns", "interviews[].handInFrontOfFaceCheck"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const interviews = facts.interviews;
    if (!interviews) return null;
    const evidence = [];
    for (const i of interviews) {
      if (i.deepfakeSigns === true) evidence.push({ label: `Round ${i.round}: deepfake or face-swap signs`, value: "seen" });
      if (i.handInFrontOfFaceCheck === "failed") evidence.push({ label: `Round ${i.round}: hand-in-front-of-face check`, value: "failed" });
    }
    if (evidence.length === 0) return null;
    return hit("The live video showed signs of a deepfake or face-swap.", evidence);
  },
});
