import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "unverifiable-employment",
  indicatorIds: ["WH-01"],
  category: "WORK_HISTORY",
  severity: "M",
  severityNote: "H when an independently contacted employer or school contradicts the claim.",
  title: "Employment or education not verifiable through independent contacts",
  description: "A former employer or school, contacted through an independently sourced number, could not confirm the claim or contradicted it. Checks through candidate-supplied contacts are not counted either way.",
  source: ["ADV22", "PSA25"],
  innocentExplanations: ["The employer closed, merged or has a no-references policy", "Records are kept under a previous name", "Freelance or agency work billed under another company"],
  verificationStep: "independent-employer-contact",
  reads: ["workHistory[].verification", "education[].verification"],
  configSchema: z.strictObject({ minUnverifiable: z.number().int().min(1) }),
  defaultConfig: { minUnverifiable: 1 },
  evaluate(facts, config) {
    const evidence = [];
    let contradicted = false;
    for (const j of facts.workHistory ?? []) {
      const v = j.verification;
      if (v?.method === "independent_contact" && (v.outcome === "unverifiable" || v.outcome === "contradicted")) {
        evidence.push({ label: `Employment at ${j.employerName} (independent contact)`, value: v.outcome });
        if (v.outcome === "contradicted") contradicted = true;
      }
    }
    for (const e of facts.education ?? []) {
      const v = e.verification;
      if (v?.method === "independent_contact" && (v.outcome === "unverifiable" || v.outcome === "contradicted")) {
        evidence.push({ label: `Education at ${e.institution} (independent contact)`, value: v.outcome });
        if (v.outcome === "contradicted") contradicted = true;
      }
    }
    if (evidence.length < config.minUnverifiable) return null;
    return hit(
      contradicted
        ? "An independently contacted employer or school contradicted the candidate's claim."
        : "Employment or education could not be confirmed through independently sourced contacts.",
      evidence,
      contradicted ? "H" : undefined,
    );
  },
});
