import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "recurring-front-employers",
  indicatorIds: ["LNK-06"],
  category: "LINKAGE",
  severity: "M",
  title: "The same unverified employers recur across unrelated applicants",
  description: "A former employer that could not be confirmed as a real company also appears on the résumés of several unrelated applicants.",
  source: ["DOJ"],
  innocentExplanations: ["A small local employer many applicants worked for", "An outsourcing firm with a thin web presence"],
  verificationStep: "review-linked-applicants",
  reads: ["linkage.recurringEmployers[]"],
  configSchema: z.strictObject({ minOtherCandidates: z.number().int().min(1) }),
  defaultConfig: { minOtherCandidates: 2 },
  evaluate(facts, config) {
    const rec = facts.linkage?.recurringEmployers;
    if (!rec) return null;
    const evidence = [];
    for (const r of rec)
      if (r.employerVerified === false && r.otherCandidateCount >= config.minOtherCandidates)
        evidence.push({ label: `Unverified employer "${r.employerName}" also on`, value: `${r.otherCandidateCount} other applicants' résumés` });
    if (evidence.length === 0) return null;
    return hit("Unverified former employers on this résumé recur across unrelated applicants.", evidence);
  },
});
