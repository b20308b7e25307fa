import { z } from "zod";
import { defineRule, hit } from "../rule";
import { pct } from "../text";

export default defineRule({
  id: "near-duplicate-resume",
  indicatorIds: ["LNK-03"],
  category: "LINKAGE",
  severity: "M",
  severityNote: "H (scheme-specific) when the same text (≥ 95 % similar) is on two or more other applicants — one persona template used for many names; M (common) otherwise (templates, coaches).",
  title: "Near-duplicate résumé across applicants",
  description: "The résumé text is nearly identical to other applicants' résumés.",
  source: ["ADV22", "MAND24"],
  innocentExplanations: ["A popular résumé template or a bootcamp's standard format", "The same career coach or writing service"],
  verificationStep: "review-linked-applicants",
  reads: ["linkage.nearDuplicateResumes[]"],
  configSchema: z.strictObject({
    minSimilarity: z.number().min(0).max(1),
    /** From this many other applicants at `minSimilarityForHigh` or more, the hit is strong (H). */
    minOthersForHigh: z.number().int().min(1).default(2),
    minSimilarityForHigh: z.number().min(0).max(1).default(0.95),
  }),
  defaultConfig: { minSimilarity: 0.9, minOthersForHigh: 2, minSimilarityForHigh: 0.95 },
  evaluate(facts, config) {
    const dups = facts.linkage?.nearDuplicateResumes;
    if (!dups) return null;
    let n = 0;
    let close = 0;
    let best = 0;
    for (const d of dups)
      if (d.similarity >= config.minSimilarity) {
        n++;
        if (d.similarity >= config.minSimilarityForHigh) close++;
        if (d.similarity > best) best = d.similarity;
      }
    if (n === 0) return null;
    const strong = close >= config.minOthersForHigh;
    return hit(
      `The résumé is nearly identical to ${n} other applicant(s)' résumés.`,
      [
        { label: "Applicants with near-duplicate résumés", value: String(n) },
        { label: "Highest similarity", value: pct(best) },
        ...(strong ? [{ label: `Applicants at ${pct(config.minSimilarityForHigh)} or more`, value: `${close} (one text, many names)` }] : []),
      ],
      strong ? "H" : "M",
      { specific: strong },
    );
  },
});
