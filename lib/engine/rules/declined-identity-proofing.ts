import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "declined-identity-proofing",
  indicatorIds: ["ID-07"],
  category: "IDENTITY",
  severity: "M",
  title: "Declined notarized or in-person identity proofing",
  description: "The candidate declined notarized or in-person identity proofing that is offered to everyone at that stage. A decline only counts when the step is standard for the stage.",
  source: ["MAND24"],
  innocentExplanations: ["No notary or site within reach; cost or time off work", "Privacy concerns about sharing documents in person"],
  verificationStep: "alternative-identity-proofing",
  reads: ["onboarding.identityProofing.alternativeProofing"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const p = facts.onboarding?.identityProofing?.alternativeProofing;
    if (!p || p.offeredToAllAtStage !== true || p.outcome !== "declined") return null;
    return hit("The candidate declined the notarized or in-person identity proofing that everyone at this stage is offered.", [
      { label: "Offered to everyone at this stage", value: "yes" },
      { label: "Method", value: p.method ?? "not recorded" },
      { label: "Outcome", value: "declined" },
    ]);
  },
});
