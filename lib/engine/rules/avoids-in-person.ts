import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "avoids-in-person",
  indicatorIds: ["COM-02"],
  category: "COMMUNICATION",
  severity: "M",
  title: "Avoids the in-person meeting or drug test",
  description: "The candidate declined or did not attend an in-person meeting or a required drug test.",
  source: ["PSA23"],
  innocentExplanations: ["Travel cost or distance", "Scheduling conflicts, illness", "Disability (offer an accommodation)"],
  verificationStep: "alternative-identity-proofing",
  reads: ["communication.inPersonMeeting", "communication.drugTest"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const c = facts.communication;
    if (!c) return null;
    const evidence = [];
    if (c.inPersonMeeting === "declined" || c.inPersonMeeting === "no_show") evidence.push({ label: "In-person meeting", value: c.inPersonMeeting.replace("_", "-") });
    if (c.drugTest === "declined" || c.drugTest === "no_show") evidence.push({ label: "Drug test", value: c.drugTest.replace("_", "-") });
    if (evidence.length === 0) return null;
    return hit("The candidate avoided the in-person meeting or drug test.", evidence);
  },
});
