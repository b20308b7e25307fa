import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "flagged-referrer",
  indicatorIds: ["LNK-07"],
  category: "LINKAGE",
  severity: "M",
  title: "Referred by someone already flagged",
  description: "The candidate was referred by a candidate or worker who is themselves flagged in this system.",
  source: ["DOJ"],
  innocentExplanations: ["The referrer's flag is unresolved or a false positive", "A genuine acquaintance of the referrer"],
  verificationStep: "review-linked-applicants",
  reads: ["sourcing.referrer.flagged"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const r = facts.sourcing?.referrer;
    if (!r || r.flagged !== true) return null;
    return hit("The candidate was referred by someone who is already flagged.", [
      { label: "Referrer", value: r.id ?? "not recorded" },
      { label: "Referrer flagged", value: "yes" },
    ]);
  },
});
