import countries from "i18n-iso-countries";

// ISO 3166-1 alpha-2 codes for a *claimed work location* (a place, never a nationality). Names come from Intl so
// no locale data needs bundling.
const displayNames = new Intl.DisplayNames(["en"], { type: "region" });

export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function countryName(code: string | null | undefined): string {
  if (!code) return "";
  try {
    return displayNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export const COUNTRY_OPTIONS: readonly { code: string; name: string }[] = COUNTRY_CODES.map((code) => ({
  code,
  name: countryName(code),
})).sort((a, b) => a.name.localeCompare(b.name));

export function isCountryCode(code: string): boolean {
  return countries.isValid(code.toUpperCase()) && code.length === 2;
}
