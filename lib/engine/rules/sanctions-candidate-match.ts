import { z } from "zod";
import { defineRule, hit, type Evidence } from "../rule";
import { SANCTIONS_SUBJECTS, type Facts } from "../facts";
import type { Severity } from "../catalog";

const SUBJECT_WORDS: Record<string, string> = { name: "candidate name", employer: "former employer", agency: "staffing agency", payee: "payee", wallet: "wallet" };
const ATTRIBUTE_WORDS: Record<string, string> = { dateOfBirth: "date of birth", addressCountry: "address country", idNumber: "ID number", wallet: "wallet" };

type Match = NonNullable<NonNullable<Facts["sanctions"]>["matches"]>[number];

/**
 * How much one match says (OFAC guidance, issue 10): a wallet listed for the entry is itself an identifier (H); a
 * name match on a listed person is only a "possible match — review" (M) unless one of the applicant's attributes
 * agrees with the entry's and none conflicts (then H); a name match on a listed company stays H (the matcher requires
 * the whole name); a weak alias corroborates only: without an agreeing attribute it is no hit at all.
 */
function weigh(m: Match): { severity: Severity; reading: string } | null {
  const agreed = m.agreed ?? [];
  const conflicted = m.conflicted ?? [];
  if (m.subject === "wallet") return { severity: "H", reading: "listed wallet address" };
  if (m.aliasStrength === "weak") {
    return agreed.length ? { severity: "M", reading: "weak alias only, with an agreeing attribute — review" } : null;
  }
  if (m.entryType === "individual" || (m.entryType == null && m.subject === "name")) {
    if (conflicted.length) return { severity: "M", reading: "possible match — review (a listed attribute conflicts)" };
    if (agreed.length) return { severity: "H", reading: "name match corroborated" };
    return { severity: "M", reading: "possible match — review (name only)" };
  }
  return { severity: "H", reading: "name match" };
}

const attributeList = (items: { attribute: string; detail: string }[]) => items.map((a) => `${ATTRIBUTE_WORDS[a.attribute] ?? a.attribute} (${a.detail})`).join("; ");

export default defineRule({
  id: "sanctions-candidate-match",
  indicatorIds: ["PAY-04"],
  category: "PAYMENT",
  severity: "H",
  severityNote:
    "M (possible match — review) for a name-only match on a listed person, or when a listed attribute such as the date of birth conflicts; H when the applicant's date of birth, address country, ID number or wallet agrees with the entry, for a listed wallet, and for a listed company's full name. A match through an OFAC weak alias alone is no hit; with an agreeing attribute it is M.",
  title: "Possible sanctions-list match (for compliance review)",
  description:
    "A payee, wallet, employer, agency or name is a candidate match for an entry on the OFAC SDN list. This is a candidate for compliance review, never a verdict: names are shared by many people, so the hit shows which of the applicant's attributes agreed with the listed entry and which conflicted.",
  source: ["OFAC"],
  innocentExplanations: ["A different person or company with the same or a similar name", "A common name with many spellings"],
  verificationStep: "compliance-review",
  reads: ["sanctions.matches[]"],
  configSchema: z.strictObject({ minScore: z.number().min(0).max(1), subjects: z.array(z.enum(SANCTIONS_SUBJECTS)).min(1) }),
  defaultConfig: { minScore: 0.9, subjects: ["payee", "wallet", "employer", "agency", "name"] },
  evaluate(facts, config) {
    const matches = facts.sanctions?.matches;
    if (!matches) return null;
    const evidence: Evidence[] = [];
    let high = false;
    for (const m of matches) {
      if (m.score < config.minScore || !config.subjects.includes(m.subject)) continue;
      const weighed = weigh(m);
      if (!weighed) continue;
      if (weighed.severity === "H") high = true;
      const agreed = m.agreed ?? [];
      const conflicted = m.conflicted ?? [];
      evidence.push({
        label: `${SUBJECT_WORDS[m.subject]} "${m.queryValue}"`,
        value:
          `${weighed.reading}: "${m.listedName}"${m.program ? ` (${m.program})` : ""}, score ${m.score.toFixed(2)}` +
          `. Agreed: ${agreed.length ? attributeList(agreed) : "none"}` +
          `. Conflicting: ${conflicted.length ? attributeList(conflicted) : "none"}`,
      });
    }
    if (evidence.length === 0) return null;
    if (facts.sanctions?.listVersion) evidence.push({ label: "Sanctions list version", value: facts.sanctions.listVersion });
    return high
      ? hit("Possible sanctions-list match: a candidate for compliance review, not a finding.", evidence, "H")
      : hit("Possible sanctions-list match — review: the name is similar, but nothing else about the applicant confirms it.", evidence, "M");
  },
});
