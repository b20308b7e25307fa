// Name normalisation for screening. The normalised form is shown next to every candidate so a reviewer can see
// what was compared (Watchman #115/#483: "11420 CORP." silently became "corp" and matched everything).
import anyAscii from "any-ascii";

/** Legal-form words. Dropped only when other, non-numeric tokens remain. */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set([
  "co", "ltd", "llc", "corp", "inc", "company", "corporation", "limited", "incorporated", "gmbh", "ag", "sa", "srl",
  "sarl", "bv", "nv", "plc", "llp", "lp", "pte", "pty", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "zao", "oao", "fze",
  "fzco", "fzc", "fzllc", "lda", "ltda", "sas", "spa", "kg", "oy", "bhd", "sdn", "kft", "doo",
]);

/**
 * Descriptive business words that say little about identity. They still take part in matching, but weigh
 * GENERIC_WEIGHT instead of 1 in the coverage of both sides, so "Yanbien Silverstar" can reach
 * "Yanbian Silverstar Network Technology" while "Korea Trading" cannot reach "Korea Sobaeksu Trading".
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  "network", "networks", "technology", "technologies", "tech", "information", "it", "trading", "trade",
  "international", "intl", "group", "industrial", "industry", "industries", "development", "cooperation",
  "holding", "holdings", "enterprise", "enterprises", "service", "services", "solutions", "systems", "general",
  "import", "export", "commercial", "investment", "investments", "the", "of", "and", "for",
]);
export const GENERIC_WEIGHT = 0.2;

export interface NormalisedName {
  /** Tokens that take part in matching (legal forms removed when allowed). */
  tokens: string[];
  /** tokens joined by one space: what the reviewer sees. */
  normalised: string;
  /** Legal-form words that were dropped. */
  droppedLegalForms: string[];
}

const isNumeric = (t: string) => /^\d+$/.test(t);

/**
 * any-ascii transliteration, lower case, apostrophes and dots removed ("People's" → "peoples", "S.A." → "sa"),
 * other punctuation and hyphens → space ("Min-jun" → "min jun"), whitespace collapsed; then legal-form words are
 * dropped unless nothing but digits (or nothing at all) would remain: "11420 CORP." stays "11420 corp".
 */
export function normaliseName(raw: string): NormalisedName {
  const text = anyAscii(typeof raw === "string" ? raw : "")
    .toLowerCase()
    .replace(/['’`.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  const all = text ? text.split(" ") : [];
  const kept = all.filter((t) => !LEGAL_FORM_WORDS.has(t));
  const canDrop = kept.length > 0 && !kept.every(isNumeric);
  const tokens = canDrop ? kept : all;
  return {
    tokens,
    normalised: tokens.join(" "),
    droppedLegalForms: canDrop ? all.filter((t) => LEGAL_FORM_WORDS.has(t)) : [],
  };
}
