import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "failed-location-check",
  indicatorIds: ["LOC-05"],
  category: "LOCATION",
  severity: "M",
  title: "Failed the location check",
  description: "The candidate declined to show their surroundings on a live call, or could not answer basic questions about the city they claim to live in.",
  source: ["PSA25", "BfV24"],
  innocentExplanations: ["Privacy at home (family, flatmates) or a shared space", "Recently moved to the city"],
  verificationStep: "show-surroundings",
  reads: ["interviews[].surroundingsCheck", "interviews[].localKnowledgeCheck"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const interviews = facts.interviews;
    if (!interviews) return null;
    const evidence = [];
    for (const i of interviews) {
      if (i.surroundingsCheck === "declined" || i.surroundingsCheck === "failed")
        evidence.push({ label: `Round ${i.round}: show surroundings`, value: i.surroundingsCheck });
      if (i.localKnowledgeCheck === "failed" || i.localKnowledgeCheck === "declined")
        evidence.push({ label: `Round ${i.round}: questions about the claimed city`, value: i.localKnowledgeCheck });
    }
    if (evidence.length === 0) return null;
    return hit("The candidate did not pass the location check on a live call.", evidence);
  },
});
