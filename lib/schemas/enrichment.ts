import { z } from "zod";
import { IP_CONTEXTS } from "./profile";

/**
 * What the offline enrichment sources said about a profile when it was screened: kept with each screening
 * (`details.enrichment`), returned by the screenings API and printed by the CLI, and shown on the candidate page.
 * It is the record a reviewer (or a test) checks the flags against — an IP the data could not place shows as null /
 * "unknown" here instead of disappearing. The engine reads the narrower facts built from the same lookups.
 */

export const NETWORK_CLASSES = ["hosting", "vpn", "tor", "relay", "none", "unknown"] as const;
export type NetworkClassName = (typeof NETWORK_CLASSES)[number];

/** libphonenumber's number types, lower case, and "unknown" when it can't tell. */
export const PHONE_LINE_TYPES = [
  "mobile",
  "fixed_line",
  "fixed_line_or_mobile",
  "voip",
  "toll_free",
  "premium_rate",
  "shared_cost",
  "personal_number",
  "pager",
  "uan",
  "voicemail",
  "unknown",
] as const;

const text = z.string().nullable();

export const ipEnrichmentSchema = z.object({
  /** The address as recorded. */
  ip: z.string(),
  context: z.enum(IP_CONTEXTS),
  at: z.iso.datetime({ offset: true }).nullable(),
  /** False when the recorded text is not an IP address. */
  valid: z.boolean(),
  /** Private, loopback, documentation… ranges: no location can exist. */
  private: z.boolean(),
  /** ISO 3166-1 alpha-2, from DB-IP Lite. */
  country: text,
  region: text,
  city: text,
  /** IANA zone at the DB-IP coordinates. */
  timeZone: text,
  /** Second opinion on the country, from the registry/whois-based database. */
  registryCountry: text,
  asn: z.number().int().nullable(),
  organisation: text,
  /** Our curated hosting/VPN/Tor/relay classification of the network; "unknown" when the ASN data has no answer. */
  networkClass: z.enum(NETWORK_CLASSES),
  /** Why: the curated provider, or the organisation keyword that matched. */
  networkReason: text,
});
export type IpEnrichment = z.infer<typeof ipEnrichmentSchema>;

export const screeningEnrichmentSchema = z
  .object({
    ip: z.array(ipEnrichmentSchema),
    phone: z
      .object({
        valid: z.boolean(),
        e164: text,
        country: text,
        lineType: z.enum(PHONE_LINE_TYPES),
        /** The number's country equals the claimed country; null when either is unknown. */
        matchesClaimedCountry: z.boolean().nullable(),
      })
      .nullable(),
    email: z
      .object({
        domain: text,
        disposable: z.boolean().nullable(),
        freeProvider: z.boolean().nullable(),
      })
      .nullable(),
    timeZone: z
      .object({
        /** The IANA zone of the claimed location, or null when the place is ambiguous or not given. */
        claimed: text,
        claimedFrom: z.enum(["city", "region", "country", "unknown"]).nullable(),
        /** Activity timestamps analysed. */
        sampleSize: z.number().int().min(0),
        /** Share of the activity inside 09:00–18:00 of the claimed zone. */
        shareInClaimedWorkHours: z.number().min(0).max(1).nullable(),
        /** The whole-hour UTC offset whose working hours hold the most activity. */
        bestFitUtcOffsetHours: z.number().nullable(),
        claimedUtcOffsetHours: z.number().nullable(),
      })
      .nullable(),
    /** DB-IP Lite is CC BY 4.0: show this wherever IP results are shown. Null when no IP was recorded. */
    ipAttribution: z.object({ text: z.string(), href: z.string() }).nullable(),
  })
  .meta({ description: "What the offline enrichment sources (DB-IP Lite, ASN data, libphonenumber, email and time-zone data) said when the screening ran." });
export type ScreeningEnrichment = z.infer<typeof screeningEnrichmentSchema>;

/** The record stored with a screening, or null for screenings written before it was kept (or anything unreadable). */
export function readScreeningEnrichment(details: unknown): ScreeningEnrichment | null {
  if (!details || typeof details !== "object") return null;
  const parsed = screeningEnrichmentSchema.safeParse((details as { enrichment?: unknown }).enrichment);
  return parsed.success ? parsed.data : null;
}
