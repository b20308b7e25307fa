import { z } from "zod";
import { defineRule, hit } from "../rule";
import { SANCTIONS_SUBJECTS } from "../facts";

const SUBJECT_WORDS: Record<string, string> = { name: "candidate name", employer: "former employer", agency: "staffing agency", payee: "payee", wallet: "wallet" };

export default defineRule({
  id: "sanctions-candidate-match",
  indicatorIds: ["PAY-04"],
  category: "PAYMENT",
  severity: "H",
  title: "Possible sanctions-list match (for compliance review)",
  description: "A payee, wallet, employer, agency or name is a candidate match for an entry on the OFAC SDN list. This is a candidate for compliance review, never a verdict: names are shared by many people.",
  source: ["OFAC"],
  innocentExplanations: ["A different person or company with the same or a similar name", "A common name with many spellings"],
  verificationStep: "compliance-review",
  reads: ["sanctions.matches[]"],
  configSchema: z.strictObject({ minScore: z.number().min(0).max(1), subjects: z.array(z.enum(SANCTIONS_SUBJECTS)).min(1) }),
  defaultConfig: { minScore: 0.9, subjects: ["payee", "wallet", "employer", "agency", "name"] },
  evaluate(facts, config) {
    const matches = facts.sanctions?.matches;
    if (!matches) return null;
    const evidence = [];
    for (const m of matches) {
      if (m.score < config.minScore || !config.subjects.includes(m.subject)) continue;
      evidence.push({
        label: `${SUBJECT_WORDS[m.subject]} "${m.queryValue}"`,
        value: `possible match for "${m.listedName}"${m.program ? ` (${m.program})` : ""}, score ${m.score.toFixed(2)}`,
      });
    }
    if (evidence.length === 0) return null;
    if (facts.sanctions?.listVersion) evidence.push({ label: "Sanctions list version", value: facts.sanctions.listVersion });
    return hit("Possible sanctions-list match: a candidate for compliance review, not a finding.", evidence);
  },
});
