import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "declined-in-person-onboarding",
  indicatorIds: ["EQ-04"],
  category: "EQUIPMENT",
  severity: "M",
  title: "Declined in-person onboarding offered to everyone",
  description: "The worker declined in-person onboarding (or notary proofing at onboarding) that is offered to everyone at that stage.",
  source: ["PSA25", "MAND24"],
  innocentExplanations: ["Distance, cost or caregiving", "Disability (offer an accommodation)"],
  verificationStep: "alternative-identity-proofing",
  reads: ["onboarding.inPersonOnboarding"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const p = facts.onboarding?.inPersonOnboarding;
    if (!p || p.offeredToAllAtStage !== true || p.outcome !== "declined") return null;
    return hit("The worker declined the in-person onboarding that everyone at this stage is offered.", [
      { label: "Offered to everyone at this stage", value: "yes" },
      { label: "Outcome", value: "declined" },
    ]);
  },
});
