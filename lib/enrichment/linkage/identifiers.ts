// Identifier normalisation for cross-applicant linkage (LNK-01, LNK-04): the same person-independent value must
// produce the same key, whatever its spelling. The database side (lib/server) stores and compares these keys.
import { createHmac } from "node:crypto";

import { canonicalEmail } from "../email";
import { canonicalIp } from "../ip/ip-address";
import { toE164 } from "../phone";


/** Canonical email (lower case, provider dots/tags removed), or null. */
export function normaliseEmail(value: string): string | null {
  return canonicalEmail(value);
}

/** E.164 phone number, or null when invalid. A number without +prefix is read in the claimed country. */
export function normalisePhone(value: string, claimedCountry?: string | null): string | null {
  return toE164(value, claimedCountry);
}

/** Device fingerprint as an opaque token: trimmed, lower-cased; null when empty. */
export function normaliseDeviceFingerprint(value: string | null | undefined): string | null {
  const v = typeof value === "string" ? value.trim().toLowerCase() : "";
  return v ? v : null;
}

/** Canonical IP text (IPv6 compressed, IPv4-mapped IPv6 as IPv4), or null. */
export function normaliseIp(value: string | null | undefined): string | null {
  return canonicalIp(value);
}

export type HashedIdentifierKind = "bank-account" | "iban" | "routing" | "national-id" | "passport" | "tax-id" | (string & {});

export interface HashedIdentifier {
  /** Hex HMAC-SHA256 over `${kind}:${normalised}`, so equal numbers of different kinds never collide. */
  hash: string;
  /** Last four characters of the normalised value, for display; null when shorter than 4. */
  last4: string | null;
}

/**
 * Keyed hash of a sensitive number (bank account, ID) for linkage without storing it (red-flags.md design rule 7).
 * Normalised to upper-case letters and digits only, so "GB29 NWBK 6016 1331 9268 19" and "gb29nwbk60161331926819"
 * hash alike. Returns null for a value with no digits or letters. The secret comes from lib/server (env), never
 * from here.
 */
export function hmacIdentifier(secret: string, kind: HashedIdentifierKind, value: string): HashedIdentifier | null {
  if (!secret) throw new Error("hmacIdentifier needs a non-empty secret");
  const normalised = (typeof value === "string" ? value : "").toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (!normalised) return null;
  const hash = createHmac("sha256", secret).update(`${kind}:${normalised}`).digest("hex");
  return { hash, last4: normalised.length >= 4 ? normalised.slice(-4) : null };
}
