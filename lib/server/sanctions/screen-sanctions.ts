import "server-only";
import { hmacIdentifier } from "@/lib/enrichment/linkage";
import { corroborate, DEFAULT_THRESHOLD, normaliseName, type Corroboration, type SanctionsCandidate, type SdnType } from "@/lib/enrichment/sanctions";
import { getEnv } from "../env";
import { getActiveSanctionsIndex } from "./get-active-sanctions-index";

export type SanctionsSubject = "name" | "employer" | "agency" | "payee" | "wallet";

export type ScreenSanctionsOptions = {
  /** The applicant's names (legal name, other names used): screened as individuals. */
  names: string[];
  /** Claimed employers: screened as entities. */
  employers: string[];
  /** Staffing agency: screened as an entity. */
  agency?: string | null;
  /** Payees and bank-account holders: screened as individuals and entities. */
  payees: string[];
  /** Digital currency addresses: exact match (0x… hex case-insensitive). */
  wallets: string[];
  /** Minimum name score (0–1); the ruleset may set it. Default 0.88 (the matcher's). */
  threshold?: number;
  /**
   * What can corroborate or contradict a name match: the applicant's date of birth, countries of the home address /
   * claimed location, government-ID numbers (keyed hashes as stored) and wallets. Used for nothing else.
   */
  attributes?: {
    dateOfBirth?: string | null;
    countries?: string[];
    governmentIds?: { hash: string; last4: string }[];
  };
};

export type SanctionsMatchBreakdown =
  | {
      kind: "name";
      matchedName: string;
      matchedNameType: SanctionsCandidate["matchedNameType"];
      aliasStrength: SanctionsCandidate["aliasStrength"];
      entryType: SdnType;
      query: SanctionsCandidate["query"];
      listed: SanctionsCandidate["listed"];
    } & SanctionsCandidate["breakdown"]
  | { kind: "wallet"; currency: string; address: string; entryType: SdnType };

/** A candidate for human review — never a verdict (a similar name is not the same person). */
export type SanctionsMatch = {
  subject: SanctionsSubject;
  queryValue: string;
  listedName: string;
  /** The entry's programs joined, e.g. "DPRK3, DPRK4". */
  program: string;
  score: number;
  entNum: number;
  entryType: SdnType;
  /** "weak" when the match rests on one of OFAC's weak aliases only (corroboration, never a hit on its own). */
  aliasStrength: "strong" | "weak" | null;
  /** The applicant's attributes that agree or conflict with the listed entry's. */
  corroboration: Corroboration;
  breakdown: SanctionsMatchBreakdown;
};

export type SanctionsScreening = {
  /** "OFAC-SDN 2021-06-01", or null when no list has been imported: sanctions are then unknown, not clear. */
  listVersion: string | null;
  listId: string | null;
  matches: SanctionsMatch[];
};
export type ScreenSanctionsResult = SanctionsScreening;

const QUERY_TYPES: Record<Exclude<SanctionsSubject, "wallet">, SdnType[]> = {
  name: ["individual"],
  employer: ["entity"],
  agency: ["entity"],
  payee: ["individual", "entity"],
};

/**
 * Screens the applicant's names, employers, agency, payees and wallets against the ACTIVE list. Not a use case on
 * its own: the screening use case calls it after checking its permission, and maps the result into engine facts.
 * Values are deduplicated per subject (same normalised form); each (subject, value, entry) appears once, best score.
 */
export async function screenSanctions({ names, employers, agency, payees, wallets, threshold = DEFAULT_THRESHOLD, attributes = {} }: ScreenSanctionsOptions): Promise<SanctionsScreening> {
  const active = await getActiveSanctionsIndex();
  if (!active) return { listVersion: null, listId: null, matches: [] };
  const { index } = active;
  // Listed ID numbers are hashed with the same key as the applicant's, so the raw numbers are never needed.
  const secret = getEnv().LINK_HMAC_SECRET;
  const idHashes = new Map((attributes.governmentIds ?? []).map((g) => [g.hash, g.last4]));
  const idNumberAgrees =
    secret && idHashes.size
      ? (listed: string) => {
          const h = hmacIdentifier(secret, "national-id", listed);
          return h && idHashes.has(h.hash) ? (idHashes.get(h.hash) ?? "") : null;
        }
      : undefined;
  // The applicant's date of birth, country and ID numbers describe the applicant, so they are compared only with
  // matches on the applicant's own names; a payee, employer or agency is someone else, and only wallets compare.
  const corroborationOf = (entNum: number, subject: SanctionsSubject): Corroboration => {
    const entry = index.entry(entNum);
    if (!entry) return { agreed: [], conflicted: [] };
    if (subject !== "name") return corroborate(entry, { wallets });
    return corroborate(entry, { dateOfBirth: attributes.dateOfBirth, countries: attributes.countries, idNumberAgrees, wallets });
  };
  const best = new Map<string, SanctionsMatch>();
  const keep = (key: string, match: SanctionsMatch) => {
    const prev = best.get(key);
    if (!prev || match.score > prev.score) best.set(key, match);
  };

  const nameQueries: [Exclude<SanctionsSubject, "wallet">, string[]][] = [
    ["name", names],
    ["employer", employers],
    ["agency", agency ? [agency] : []],
    ["payee", payees],
  ];
  for (const [subject, values] of nameQueries) {
    for (const value of distinct(values, (v) => normaliseName(v).normalised)) {
      for (const c of index.screenName(value, { threshold, types: QUERY_TYPES[subject] })) {
        keep(`${subject}|${c.query.normalised}|${c.entNum}`, {
          subject,
          queryValue: value,
          listedName: c.listedName,
          program: c.programs.join(", "),
          score: c.score,
          entNum: c.entNum,
          entryType: c.entryType,
          aliasStrength: c.aliasStrength,
          corroboration: corroborationOf(c.entNum, subject),
          breakdown: {
            kind: "name",
            matchedName: c.matchedName,
            matchedNameType: c.matchedNameType,
            aliasStrength: c.aliasStrength,
            entryType: c.entryType,
            query: c.query,
            listed: c.listed,
            ...c.breakdown,
          },
        });
      }
    }
  }
  for (const value of distinct(wallets, (v) => (/^0x[0-9a-f]+$/i.test(v) ? v.toLowerCase() : v))) {
    for (const w of index.screenWalletAddress(value)) {
      keep(`wallet|${w.address}|${w.entNum}`, {
        subject: "wallet",
        queryValue: value,
        listedName: w.listedName,
        program: w.programs.join(", "),
        score: w.score,
        entNum: w.entNum,
        entryType: w.entryType,
        aliasStrength: null,
        corroboration: corroborationOf(w.entNum, "wallet"),
        breakdown: { kind: "wallet", currency: w.currency, address: w.address, entryType: w.entryType },
      });
    }
  }
  const matches = [...best.values()].sort((a, b) => b.score - a.score || a.subject.localeCompare(b.subject) || a.entNum - b.entNum);
  return { listVersion: active.listVersion, listId: active.listId, matches };
}

/** Non-blank values, trimmed, first of each key. */
function distinct(values: (string | null | undefined)[], key: (v: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const v = raw?.trim();
    if (!v) continue;
    const k = key(v);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}
