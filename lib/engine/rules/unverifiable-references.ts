import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "unverifiable-references",
  indicatorIds: ["WH-02"],
  category: "WORK_HISTORY",
  severity: "M",
  title: "References with minimal or unverifiable contact details",
  description: "References, statements of work or client letters come with minimal contact details (e.g. a free email address only) or could not be reached.",
  source: ["ADV22", "GTIG25"],
  innocentExplanations: ["References who prefer email contact", "Former colleagues who changed jobs"],
  verificationStep: "independent-reference-check",
  reads: ["references[]"],
  configSchema: z.strictObject({ minCount: z.number().int().min(1) }),
  defaultConfig: { minCount: 1 },
  evaluate(facts, config) {
    const refs = facts.references;
    if (!refs) return null;
    const evidence = [];
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i];
      const who = r.name ?? `Reference ${i + 1}`;
      if (r.contactDetails === "minimal" || r.contactDetails === "none") evidence.push({ label: `${who}: contact details`, value: r.contactDetails });
      else if (r.reachable === false) evidence.push({ label: `${who}: reachable`, value: "no" });
    }
    if (evidence.length < config.minCount) return null;
    return hit(`${evidence.length} reference(s) had minimal contact details or could not be reached.`, evidence);
  },
});
