import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "profile-resume-mismatch",
  indicatorIds: ["WH-03"],
  category: "WORK_HISTORY",
  severity: "M",
  title: "Online profiles don't match the résumé",
  description: "A reviewer found that an online profile's history differs from the résumé, or that profiles for the same identity use different people's photos.",
  source: ["PSA23", "BfV24"],
  innocentExplanations: ["A profile not updated in years", "A résumé tailored to the role", "Different photos taken years apart"],
  verificationStep: "profile-review",
  reads: ["onlineProfiles[].matchesResume", "onlineProfiles[].photoConsistentWithOtherProfiles"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const profiles = facts.onlineProfiles;
    if (!profiles) return null;
    const evidence = [];
    for (const p of profiles) {
      if (p.matchesResume === false) evidence.push({ label: `${p.platform} profile matches the résumé`, value: "no" });
      if (p.photoConsistentWithOtherProfiles === false) evidence.push({ label: `${p.platform} profile photo matches the other profiles`, value: "no" });
    }
    if (evidence.length === 0) return null;
    return hit("The candidate's online profiles tell a different story from the résumé.", evidence);
  },
});
