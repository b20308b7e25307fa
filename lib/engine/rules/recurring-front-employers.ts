import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "recurring-front-employers",
  indicatorIds: ["LNK-06"],
  category: "LINKAGE",
  severity: "M",
  title: "The same unverified employers recur across unrelated applicants",
  description:
    "A former employer that could not be confirmed — by this applicant's employment check or by earlier applicants' — also appears on the résumés of several unrelated applicants.",
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
    for (const r of rec) {
      // The candidate's own verified employment there shows the company is real: others' failed checks don't count.
      if (r.employerVerified === true || r.otherCandidateCount < config.minOtherCandidates) continue;
      const othersFailed = r.otherUnverifiedCount ?? 0;
      if (r.employerVerified !== false && othersFailed < 1) continue;
      evidence.push({ label: `Unconfirmed employer "${r.employerName}" also on`, value: `${r.otherCandidateCount} other applicants' résumés` });
      evidence.push({
        label: "Checks of that employer",
        value: [r.employerVerified === false ? "this applicant's failed" : null, othersFailed ? `${othersFailed} other applicants' failed` : null].filter(Boolean).join("; "),
      });
    }
    if (evidence.length === 0) return null;
    return hit("A former employer that could not be confirmed recurs across unrelated applicants.", evidence);
  },
});
