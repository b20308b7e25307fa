// Corroboration of a name match (issue 10): a similar name is not the same person. OFAC's own guidance is to compare
// the other identifiers of the listed entry before treating a name match as a hit. Here the applicant's date of
// birth, address country, identity-document numbers and wallet addresses are compared with the entry's; each
// attribute either agrees, conflicts, or cannot be compared (one side does not have it).
//
// What counts as a conflict: a different date of birth (OFAC lists every date it knows, so none of them matching is
// real evidence of a different person). A different address country is NOT a conflict: listed addresses date from
// the designation, and the claimed location is exactly what this scheme falsifies. An identity number that is not
// listed is not a conflict either: people hold several documents. So only agreement raises confidence, and only a
// date of birth lowers it.
//
// The date of birth and the ID numbers are used for this comparison only; they are never scored on their own.
import countries from "i18n-iso-countries/index.js";
import countriesEn from "i18n-iso-countries/langs/en.json";

import type { SanctionsEntry } from "./types";

countries.registerLocale(countriesEn);

export const CORROBORATING_ATTRIBUTES = ["dateOfBirth", "addressCountry", "idNumber", "wallet"] as const;
export type CorroboratingAttribute = (typeof CORROBORATING_ATTRIBUTES)[number];

export interface CorroborationItem {
  attribute: CorroboratingAttribute;
  /** What was compared, for the reviewer: "1985-03-14 vs listed 14 Mar 1985". Never the raw ID number. */
  detail: string;
}

export interface Corroboration {
  agreed: CorroborationItem[];
  conflicted: CorroborationItem[];
}

export interface ApplicantAttributes {
  /** YYYY-MM-DD, from the identity document. */
  dateOfBirth?: string | null;
  /** ISO 3166-1 alpha-2 codes of the applicant's stated home address / location. */
  countries?: readonly string[];
  /**
   * Whether a listed ID number is one of the applicant's. The server compares keyed hashes (raw numbers are never
   * stored), so it passes a function; it returns the last four characters of the agreeing number, or null.
   */
  idNumberAgrees?: (listedNumber: string) => string | null;
  wallets?: readonly string[];
}

// OFAC's country names that are not i18n-iso-countries' English names.
const OFAC_COUNTRIES: Record<string, string> = {
  "korea, north": "KP", "korea, south": "KR", burma: "MM", syria: "SY", laos: "LA", moldova: "MD", macau: "MO",
  brunei: "BN", "bahamas, the": "BS", "cote d ivoire": "CI", "congo, democratic republic of the": "CD",
  "congo, republic of the": "CG", "west bank": "PS", "region: gaza": "PS", palestinian: "PS", "region: crimea": "UA",
};

/** An OFAC country name ("Korea, North", "China") → ISO alpha-2, or null when it names no country. */
export function ofacCountryCode(name: string | null): string | null {
  if (!name) return null;
  const key = name.trim().toLowerCase();
  return OFAC_COUNTRIES[key] ?? countries.getAlpha2Code(name.trim(), "en") ?? null;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** What an OFAC date of birth pins down: a day, a month, or a span of years ("circa" widens by one year). */
type ListedDob = { kind: "day"; y: number; m: number; d: number } | { kind: "month"; y: number; m: number } | { kind: "years"; from: number; to: number };

export function parseListedDob(text: string): ListedDob | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  let m = /^(\d{1,2}) ([a-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]]) return { kind: "day", y: +m[3], m: MONTHS[m[2]], d: +m[1] };
  m = /^([a-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]]) return { kind: "month", y: +m[2], m: MONTHS[m[1]] };
  m = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(t);
  if (m) return m[2] ? { kind: "day", y: +m[1], m: +m[2], d: +m[3] } : { kind: "years", from: +m[1], to: +m[1] };
  m = /^circa (\d{4})$/.exec(t);
  if (m) return { kind: "years", from: +m[1] - 1, to: +m[1] + 1 };
  m = /^(\d{4}) to (\d{4})$/.exec(t);
  if (m) return { kind: "years", from: Math.min(+m[1], +m[2]), to: Math.max(+m[1], +m[2]) };
  return null;
}

function dobAgrees(listed: ListedDob, y: number, mo: number, d: number): boolean {
  if (listed.kind === "day") return listed.y === y && listed.m === mo && listed.d === d;
  if (listed.kind === "month") return listed.y === y && listed.m === mo;
  return y >= listed.from && y <= listed.to;
}

const walletKey = (a: string) => (/^0x[0-9a-f]+$/i.test(a.trim()) ? a.trim().toLowerCase() : a.trim());

/** Compares the applicant's attributes with one listed entry. Pure; the caller decides what the result means. */
export function corroborate(entry: SanctionsEntry, applicant: ApplicantAttributes): Corroboration {
  const agreed: CorroborationItem[] = [];
  const conflicted: CorroborationItem[] = [];

  const dob = applicant.dateOfBirth ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(applicant.dateOfBirth) : null;
  const listedDobs = entry.datesOfBirth.map((text) => ({ text, parsed: parseListedDob(text) })).filter((x) => x.parsed);
  if (dob && listedDobs.length) {
    const [y, mo, d] = [+dob[1], +dob[2], +dob[3]];
    const match = listedDobs.find((x) => dobAgrees(x.parsed!, y, mo, d));
    const listedText = listedDobs.map((x) => x.text).join("; ");
    if (match) agreed.push({ attribute: "dateOfBirth", detail: `${applicant.dateOfBirth} agrees with listed DOB ${match.text}` });
    else conflicted.push({ attribute: "dateOfBirth", detail: `${applicant.dateOfBirth} differs from listed DOB ${listedText}` });
  }

  const mine = new Set((applicant.countries ?? []).map((c) => c.toUpperCase()));
  if (mine.size) {
    const listedCountries = new Map<string, string>();
    for (const a of entry.addresses) {
      const code = ofacCountryCode(a.country);
      if (code) listedCountries.set(code, a.country!);
    }
    const shared = [...listedCountries].filter(([code]) => mine.has(code));
    if (shared.length) agreed.push({ attribute: "addressCountry", detail: `address country ${shared.map(([code, name]) => `${code} (listed address in ${name})`).join(", ")}` });
  }

  if (applicant.idNumberAgrees) {
    for (const id of entry.idNumbers) {
      const last4 = applicant.idNumberAgrees(id.number);
      if (last4 !== null) {
        agreed.push({ attribute: "idNumber", detail: `${id.type} ending ${last4}${id.country ? ` (${id.country})` : ""} is one of the applicant's ID numbers` });
        break;
      }
    }
  }

  const wallets = new Set((applicant.wallets ?? []).map(walletKey));
  const sharedWallet = entry.digitalCurrencyAddresses.find((w) => wallets.has(walletKey(w.address)));
  if (sharedWallet) agreed.push({ attribute: "wallet", detail: `${sharedWallet.currency} wallet ${sharedWallet.address} is listed for this entry` });

  return { agreed, conflicted };
}
