import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "deepfake-signs",
  indicatorIds: ["ID-06"],
  category: "IDENTITY",
  severity: "M",
  severityNote: "H (scheme-specific) when the interviewer saw artefacts and the candidate also failed the hand-in-front-of-face check — two independent observations of one face-swap; either alone is M (filters and bandwidth explain a lot).",
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
    let seen = false;
    let failed = false;
    for (const i of interviews) {
      if (i.deepfakeSigns === true) {
        seen = true;
        evidence.push({ label: `Round ${i.round}: deepfake or face-swap signs`, value: "seen" });
      }
      if (i.handInFrontOfFaceCheck === "failed") {
        failed = true;
        evidence.push({ label: `Round ${i.round}: hand-in-front-of-face check`, value: "failed" });
      }
    }
    if (evidence.length === 0) return null;
    if (seen && failed) return hit("Face-swap artefacts were seen and the hand-in-front-of-face check failed.", evidence, "H", { specific: true });
    return hit("The live video showed signs of a deepfake or face-swap.", evidence, "M", { specific: false });
  },
});
