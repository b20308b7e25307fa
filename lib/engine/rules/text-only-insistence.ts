import { z } from "zod";
import { defineRule, hit, suppressed } from "../rule";

export default defineRule({
  id: "text-only-insistence",
  indicatorIds: ["COM-03"],
  category: "COMMUNICATION",
  severity: "L",
  title: "Insists on text-only communication",
  description: "The candidate insists on chat or email and avoids calls. Suppressed when an accommodation was requested (e.g. a deaf or hard-of-hearing candidate).",
  source: ["ADV22", "BfV24"],
  innocentExplanations: ["Deaf or hard of hearing, speech disability", "Social anxiety", "Time-zone convenience"],
  verificationStep: "alternative-identity-proofing",
  reads: ["communication.insistsOnTextOnly", "accommodation"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    if (facts.communication?.insistsOnTextOnly !== true) return null;
    const evidence = [{ label: "Insists on text-only communication", value: "yes" }];
    const acc = facts.accommodation;
    if (acc && (acc.requested === true || acc.alternativePathCompleted === true)) return suppressed("An accommodation was requested or an alternative path taken.", evidence);
    return hit("The candidate insists on communicating only in writing.", evidence);
  },
});
