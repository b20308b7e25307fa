// Phone enrichment with libphonenumber-js's full metadata ("max": needed for getType()).
// Offline limits: number portability and US/Canada VoIP (Google Voice, etc.) cannot be told from the number;
// VOIP is only reported where the numbering plan reserves ranges for it (e.g. UK 056, NL 085).
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from "libphonenumber-js/max";

import { toIso2 } from "./location-time";

export type PhoneLineType = NonNullable<NumberType> | "UNKNOWN";

export interface PhoneFacts {
  input: string;
  /** Parsed and valid for its country's numbering plan. */
  valid: boolean;
  /** Parsed but failing the plan's length/prefix rules (possible typo or fabricated number). */
  parseable: boolean;
  e164: string | null;
  country: string | null;
  lineType: PhoneLineType;
  /** Phone country equals the claimed country; null when either side is unknown. */
  matchesClaimedCountry: boolean | null;
  /** The region used to read a number without a +prefix (from the claimed country), if any. */
  defaultRegion: string | null;
}

/**
 * Parses a phone number. A number without a +prefix is read in the claimed country (ISO2 code or a name/alias
 * such as "USA", "South Korea"); without one it cannot be parsed and the facts stay unknown.
 */
export function enrichPhone(input: string, options: { claimedCountry?: string | null } = {}): PhoneFacts {
  const claimedIso2 = options.claimedCountry ? toIso2(options.claimedCountry) : null;
  const facts: PhoneFacts = {
    input,
    valid: false,
    parseable: false,
    e164: null,
    country: null,
    lineType: "UNKNOWN",
    matchesClaimedCountry: null,
    defaultRegion: claimedIso2,
  };
  if (typeof input !== "string" || input.trim() === "") return facts;
  let parsed;
  try {
    // "00" international prefix → "+": common in Europe/Asia and unambiguous enough for screening.
    const text = input.trim().replace(/^00(?=[1-9])/, "+");
    parsed = parsePhoneNumberFromString(text, (claimedIso2 ?? undefined) as CountryCode | undefined);
  } catch {
    parsed = undefined;
  }
  if (!parsed) return facts;
  facts.parseable = true;
  facts.valid = parsed.isValid();
  facts.e164 = facts.valid ? parsed.number : null;
  facts.country = parsed.country ?? null;
  facts.lineType = facts.valid ? (parsed.getType() ?? "UNKNOWN") : "UNKNOWN";
  facts.matchesClaimedCountry = facts.valid && facts.country && claimedIso2 ? facts.country === claimedIso2 : null;
  return facts;
}

/** E.164 form of a valid number, else null (used for cross-applicant linkage). */
export function toE164(input: string, claimedCountry?: string | null): string | null {
  return enrichPhone(input, { claimedCountry }).e164;
}
