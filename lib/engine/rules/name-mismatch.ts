import { z } from "zod";
import { defineRule, hit, suppressed } from "../rule";
import { memoByConfig, namesConsistent, variantMap } from "../text";

const SOURCE_WORDS: Record<string, string> = {
  application: "application form",
  resume: "résumé",
  idDocument: "identity document",
  emailDisplayName: "email display name",
  onlineProfile: "online profile",
  paymentPlatform: "payment platform",
};

const configSchema = z.strictObject({
  /** Groups of spellings treated as the same name token (transliteration variants). Never scored themselves. */
  equivalentSpellings: z.array(z.array(z.string().min(1)).min(2)),
});
const variantsOf = memoByConfig((c: z.infer<typeof configSchema>) => variantMap(c.equivalentSpellings));

export default defineRule({
  id: "name-mismatch",
  indicatorIds: ["ID-02"],
  category: "IDENTITY",
  severity: "M",
  title: "Name differs across documents and profiles",
  description: "The candidate's name is spelled or formed differently on the résumé, identity document, email, online profiles or payment platform. Dropped middle names, initials, word order, accents and configured transliteration variants are not counted, and names written in different scripts are not compared; a documented legal name change suppresses the rule.",
  source: ["ADV22", "JP24"],
  innocentExplanations: [
    "Marriage, divorce or another legal name change",
    "A preferred or anglicised name used professionally",
    "Different transliterations of a name written in another script",
  ],
  verificationStep: "confirm-name-history",
  reads: ["candidate.legalName", "candidate.names", "candidate.nameChange"],
  configSchema,
  defaultConfig: {
    equivalentSpellings: [
      ["kim", "gim"],
      ["park", "pak", "bak"],
      ["lee", "ri", "rhee", "yi", "rhie"],
      ["jong", "chong", "jung", "chung"],
      ["son", "sohn"],
      ["choi", "choe", "chwe"],
      ["mohammed", "muhammad", "mohamed", "mohammad"],
      ["zhang", "chang"],
    ],
  },
  evaluate(facts, config) {
    const c = facts.candidate;
    const legal = c?.legalName;
    const names = c?.names;
    if (!legal || !names || names.length === 0) return null;
    const v = variantsOf(config);
    let differing: { source: string; name: string }[] | null = null;
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      if (!namesConsistent(legal, n.name, v)) (differing ??= []).push(n);
    }
    if (!differing) return null;
    const evidence = [
      { label: "Name on identity document", value: legal },
      ...differing.map((d) => ({ label: `Name on ${SOURCE_WORDS[d.source]}`, value: d.name })),
    ];
    const change = c.nameChange;
    if (change?.documented === true) {
      const covered = differing.every((d) => change.previousNames.some((p) => namesConsistent(p, d.name, v)));
      if (covered) return suppressed("A documented legal name change covers every differing name.", evidence);
    }
    return hit(
      `The name on the ${differing.map((d) => SOURCE_WORDS[d.source]).join(" and ")} differs from the name on the identity document.`,
      evidence,
    );
  },
});
