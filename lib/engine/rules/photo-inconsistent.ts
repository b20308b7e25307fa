import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "photo-inconsistent",
  indicatorIds: ["ID-03"],
  category: "IDENTITY",
  severity: "M",
  title: "Photo inconsistent across application, ID and live video",
  description: "An interviewer recorded that the person on video does not match the application or ID photo, or the photo was found to be a stock image, another person's, or AI-generated.",
  source: ["PSA23", "MAND24"],
  innocentExplanations: ["An old ID photo, or a change in appearance (weight, hair, glasses)", "A professionally retouched headshot", "Poor video quality"],
  verificationStep: "live-identity-check",
  reads: ["interviews[].photoMatchesApplicationAndId", "interviews[].stockOrSyntheticPhoto"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const interviews = facts.interviews;
    if (!interviews) return null;
    for (const i of interviews) {
      if (i.photoMatchesApplicationAndId === false || i.stockOrSyntheticPhoto === true) {
        const evidence = [];
        if (i.photoMatchesApplicationAndId === false) evidence.push({ label: `Round ${i.round}: person on video matches application/ID photo`, value: "no" });
        if (i.stockOrSyntheticPhoto === true) evidence.push({ label: `Round ${i.round}: photo is stock, someone else's or AI-generated`, value: "yes" });
        return hit(`In interview round ${i.round} the candidate's photo did not match the person seen, or was not a genuine photo of them.`, evidence);
      }
    }
    return null;
  },
});
