// One normalised shape for OFAC's SDN list, whichever file format it came from.

export type SdnType = "individual" | "entity" | "vessel" | "aircraft";
export type AliasType = "aka" | "fka" | "nka";

export interface SanctionsAlias {
  /** alt_num (CSV) / aka uid (XML); null for weak aliases found only in the CSV remarks. */
  altNum: number | null;
  type: AliasType;
  name: string;
  /**
   * OFAC's alias quality. XML states it (category strong/weak). The legacy CSV does not: alt.csv aliases get null,
   * and the weak aliases OFAC writes into the CSV remarks ("a.k.a. 'X'") get 'weak'.
   */
  strength: "strong" | "weak" | null;
}

export interface SanctionsAddress {
  addNum: number | null;
  /** Street lines joined with ", ". */
  address: string | null;
  /** City / state / postal code as one string (the CSV's column; the XML's parts joined). */
  cityStatePostal: string | null;
  country: string | null;
  remarks: string | null;
}

export interface DigitalCurrencyAddress {
  /** Currency code as OFAC writes it (XBT, ETH, XMR, USDT, …). */
  currency: string;
  address: string;
}

/** An identity-document number as OFAC lists it ("Passport 1084010 (Egypt)"). Used only to corroborate a name match. */
export interface SanctionsIdNumber {
  /** OFAC's wording: "Passport", "National ID No.", … */
  type: string;
  number: string;
  country: string | null;
}

export interface SanctionsEntry {
  entNum: number;
  /** As listed: individuals "LAST, First", others the full name. */
  name: string;
  type: SdnType;
  programs: string[];
  title: string | null;
  remarks: string | null;
  aliases: SanctionsAlias[];
  addresses: SanctionsAddress[];
  digitalCurrencyAddresses: DigitalCurrencyAddress[];
  /**
   * Dates of birth as OFAC writes them ("10 Dec 1948", "Dec 1948", "1948", "circa 1948", "1946 to 1950"): from the
   * XML dateOfBirthList, or "DOB …" in the CSV remarks. Used only to corroborate or contradict a name match.
   */
  datesOfBirth: string[];
  /** Personal identity-document numbers (passport, national ID, tax ID, …); never company registrations. */
  idNumbers: SanctionsIdNumber[];
}

export interface SanctionsList {
  source: "ofac-csv" | "ofac-xml";
  /**
   * Publication date (YYYY-MM-DD). SDN.XML carries it (publshInformation/Publish_Date); the legacy CSV does not,
   * so the importer passes it (the date the user states, or the download date) — null when nobody knows.
   */
  publishedAt: string | null;
  entries: SanctionsEntry[];
}

/** Input that is not a well-formed OFAC file. Carries the file, the 1-based line and the reason. */
export class SanctionsFileError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
  constructor(file: string, line: number | null, reason: string) {
    super(`${file}${line !== null ? `:${line}` : ""}: ${reason}`);
    this.name = "SanctionsFileError";
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** Splits OFAC's program field: "NPWMD] [DPRK2" or "[DPRK3] [DPRK4]" → ["NPWMD", "DPRK2"]. */
export function splitPrograms(field: string | null): string[] {
  if (!field) return [];
  return field
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, "").trim())
    .filter(Boolean);
}

const DIGITAL_CURRENCY = /Digital Currency Address - ([A-Za-z0-9]+)\s+([A-Za-z0-9:]+)/g;

/** Digital currency addresses written in remarks ("Digital Currency Address - XBT 1abc…; alt. …"). */
export function digitalCurrencyAddressesIn(remarks: string | null): DigitalCurrencyAddress[] {
  if (!remarks) return [];
  const out: DigitalCurrencyAddress[] = [];
  for (const m of remarks.matchAll(DIGITAL_CURRENCY)) out.push({ currency: m[1].toUpperCase(), address: m[2] });
  return out;
}

/**
 * The identity documents of a person (OFAC's idType wording). Company registrations, vessel numbers, websites and
 * e-mail addresses are not listed: they cannot corroborate an applicant's identity.
 */
export const PERSONAL_ID_TYPES: readonly string[] = [
  "Passport", "Diplomatic Passport", "Stateless Person Passport", "National ID No.", "Identification Number",
  "Personal ID Card", "Tax ID No.", "Cedula No.", "SSN", "Driver's License No.", "Residency Number",
  "Birth Certificate Number", "Refugee ID Card", "Travel Document Number", "Citizen's Card Number",
  "Electoral Registry No.", "Kenyan ID No.", "CURP #", "RFC #", "NIT #", "Public Security and Immigration No.",
];
const PERSONAL_ID_TYPE_SET = new Set(PERSONAL_ID_TYPES.map((t) => t.toLowerCase()));
export const isPersonalIdType = (type: string) => PERSONAL_ID_TYPE_SET.has(type.trim().toLowerCase());

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ID_IN_REMARKS = new RegExp(
  `(?:^|;)\\s*(?:alt\\.\\s+)?(${[...PERSONAL_ID_TYPES].sort((a, b) => b.length - a.length).map(escapeRe).join("|")})\\s+([A-Za-z0-9][A-Za-z0-9./-]*)(?:\\s+\\(([^)]*)\\))?`,
  "g",
);
const DOB_IN_REMARKS = /(?:^|;)\s*(?:alt\.\s+)?DOB\s+([^;]+?)\s*(?=;|$)/g;

/** Dates of birth written in CSV remarks: "DOB 10 Dec 1948; alt. DOB 1949". */
export function datesOfBirthIn(remarks: string | null): string[] {
  if (!remarks) return [];
  return [...remarks.matchAll(DOB_IN_REMARKS)].map((m) => m[1].replace(/\.$/, "").trim()).filter(Boolean);
}

/** Personal identity-document numbers written in CSV remarks: "Passport 1084010 (Egypt); alt. National ID No. 12". */
export function idNumbersIn(remarks: string | null): SanctionsIdNumber[] {
  if (!remarks) return [];
  return [...remarks.matchAll(ID_IN_REMARKS)].map((m) => ({ type: m[1], number: m[2].replace(/\.$/, ""), country: m[3]?.trim() || null }));
}

// The closing quote is the one followed by ';', '.', ')' or the end, so names with apostrophes survive.
const WEAK_ALIAS = /\b([afn])\.k\.a\.,?\s+'(.+?)'(?=\s*[;.)]|\s*$)/gi;

/** Weak aliases OFAC writes into CSV remarks: "a.k.a. 'BNC'", "f.k.a. 'X'". */
export function weakAliasesIn(remarks: string | null): SanctionsAlias[] {
  if (!remarks) return [];
  const out: SanctionsAlias[] = [];
  for (const m of remarks.matchAll(WEAK_ALIAS)) {
    out.push({ altNum: null, type: `${m[1].toLowerCase()}ka` as AliasType, name: m[2].trim(), strength: "weak" });
  }
  return out;
}
