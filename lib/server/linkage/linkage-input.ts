import "server-only";
import { normaliseAddress, normaliseDeviceFingerprint, normaliseEmail, normaliseIp, normalisePhone } from "@/lib/enrichment/linkage";
import { normaliseName } from "@/lib/enrichment/sanctions/normalise-name";
import type { IdentifierKind } from "../db/generated/enums";

/** A postal address as the intake receives it; every part optional. */
export type AddressLike = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
};

/** A sensitive number already reduced to `hmacIdentifier(LINK_HMAC_SECRET, kind, raw)` by the intake. */
export type HashedNumber = { hash: string; last4: string | null };

/**
 * Everything a candidate presented that another applicant might share (LNK-01…LNK-04), as the intake collects it
 * across stages. Values are raw as typed (except the hashed numbers); `toIdentifierRows` normalises them.
 *
 * - `emails`, `phones` (a number without `+` is read in its `claimedCountry`), `deviceFingerprints`, `ips`.
 * - `addresses`: home, ID-document and I-9 addresses. `shipTo`: where equipment is to be shipped (a laptop farm shows
 *   up as several applicants with one ship-to address); kept as a separate kind because a shared ship-to is a
 *   stronger signal than a shared home address.
 * - `bankAccounts`, `govIds`: HMAC-SHA256 hex + last four characters, computed by the intake with
 *   `hmacIdentifier` from `@/lib/enrichment/linkage` and the `LINK_HMAC_SECRET` key. Raw numbers never reach the
 *   database: a value that is not a 64-digit hex hash is rejected.
 * - `employers`: past employers and staffing agencies as named on the résumé or application.
 * - `unverifiedEmployers`: those of `employers` whose check failed for this candidate (employment unverifiable or
 *   contradicted, fabricated website, no registered entity): recorded again as EMPLOYER_UNVERIFIED, so a later
 *   applicant naming the same employer learns how many earlier checks of it failed (LNK-06).
 * - `resumeText`: plain résumé text for near-duplicate detection (MinHash LSH); omitted/null leaves the stored one.
 */
export type LinkageInput = {
  emails: string[];
  phones: { number: string; claimedCountry?: string | null }[];
  addresses: AddressLike[];
  shipTo: AddressLike[];
  deviceFingerprints: string[];
  ips: string[];
  bankAccounts: HashedNumber[];
  govIds: HashedNumber[];
  employers: string[];
  unverifiedEmployers?: string[];
  resumeText?: string | null;
};

export type IdentifierRow = { kind: IdentifierKind; value: string; last4: string | null };

// B-tree entries are limited to ~2.7 kB; no genuine identifier is anywhere near this long.
const MAX_VALUE_LENGTH = 400;
const HMAC_HEX = /^[0-9a-f]{64}$/;

/**
 * Address key: street lines and city, then the postal code (US ZIP+4 cut to the ZIP) or, only when there is no
 * postal code, the region. The region is left out when a postal code is present because applicants write it both
 * ways ("AZ" / "Arizona") and the code already pins it down; the country is left out for the same reason
 * ("US" / "United States" / missing). Normalised with USPS Publication 28 rules (`normaliseAddress`).
 */
export function addressKey(address: AddressLike): string | null {
  const postal = (address.postalCode ?? "").trim().replace(/^(\d{5})-?\d{4}$/, "$1");
  const parts = [address.line1, address.line2, address.city, postal || address.region]
    .map((p) => (typeof p === "string" ? p.trim() : ""))
    .filter(Boolean);
  return normaliseAddress(parts.join(", "));
}

/** Employer key: lower case, accents and punctuation removed, legal-form words (Inc, LLC, Ltd, GmbH…) dropped. */
export function employerKey(name: string): string | null {
  return normaliseName(name).normalised || null;
}

function hashedRows(kind: "BANK" | "GOV_ID", numbers: HashedNumber[]): IdentifierRow[] {
  return numbers.map(({ hash, last4 }) => {
    const value = typeof hash === "string" ? hash.toLowerCase() : "";
    if (!HMAC_HEX.test(value)) {
      throw new Error(`${kind} identifiers must be HMAC-SHA256 hex digests (hmacIdentifier), never raw numbers`);
    }
    const tail = typeof last4 === "string" && last4 ? last4.slice(-4) : null;
    return { kind, value, last4: tail };
  });
}

/**
 * Normalised, de-duplicated identifier rows for `candidate_identifiers`. Values that normalise to nothing (an
 * invalid email or phone number, an empty address) are skipped. Throws when a bank or ID number is not hashed.
 */
export function toIdentifierRows(input: LinkageInput): IdentifierRow[] {
  const rows: IdentifierRow[] = [];
  const add = (kind: IdentifierKind, value: string | null, last4: string | null = null) => {
    if (value) rows.push({ kind, value: value.slice(0, MAX_VALUE_LENGTH), last4 });
  };
  for (const email of input.emails ?? []) add("EMAIL", normaliseEmail(email));
  for (const phone of input.phones ?? []) add("PHONE", normalisePhone(phone.number, phone.claimedCountry));
  for (const address of input.addresses ?? []) add("ADDRESS", addressKey(address));
  for (const address of input.shipTo ?? []) add("SHIP_TO", addressKey(address));
  for (const device of input.deviceFingerprints ?? []) add("DEVICE", normaliseDeviceFingerprint(device));
  for (const ip of input.ips ?? []) add("IP", normaliseIp(ip));
  for (const employer of input.employers ?? []) add("EMPLOYER", employerKey(employer));
  for (const employer of input.unverifiedEmployers ?? []) add("EMPLOYER_UNVERIFIED", employerKey(employer));
  rows.push(...hashedRows("BANK", input.bankAccounts ?? []), ...hashedRows("GOV_ID", input.govIds ?? []));

  const seen = new Map<string, IdentifierRow>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.value}`;
    if (!seen.has(key)) seen.set(key, row);
  }
  return [...seen.values()];
}
