import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "interviewee-not-worker",
  indicatorIds: ["ID-05"],
  category: "IDENTITY",
  severity: "H",
  title: "Different person between interview rounds or at onboarding",
  description: "An interviewer or onboarding lead recorded that the face or voice differs from earlier rounds, or that the person onboarding is not the person interviewed.",
  source: ["PSA25", "PSA23", "PSA24"],
  innocentExplanations: ["A poor connection or a cold changing the voice", "Interviewer mix-up between candidates"],
  verificationStep: "live-identity-check",
  reads: ["interviews[].faceMatchesEarlierRounds", "interviews[].voiceMatchesEarlierRounds", "onboarding.faceMatchesInterview"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const evidence = [];
    for (const i of facts.interviews ?? []) {
      if (i.faceMatchesEarlierRounds === false) evidence.push({ label: `Round ${i.round}: face matches earlier rounds`, value: "no" });
      if (i.voiceMatchesEarlierRounds === false) evidence.push({ label: `Round ${i.round}: voice matches earlier rounds`, value: "no" });
    }
    if (facts.onboarding?.faceMatchesInterview === false) evidence.push({ label: "Person at onboarding matches the interviewee", value: "no" });
    if (evidence.length === 0) return null;
    return hit("The person seen or heard changed between interview rounds or between interview and onboarding.", evidence);
  },
});
