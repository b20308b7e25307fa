import "server-only";
import { factsSchema, type Facts } from "@/lib/engine";
import { enrichEmail } from "@/lib/enrichment/email";
import { IP_DATA_ATTRIBUTION, lookupIp, type IpFacts } from "@/lib/enrichment/ip";
import { analyseActivityTimes, resolveClaimedTimeZone } from "@/lib/enrichment/location-time";
import { enrichPhone } from "@/lib/enrichment/phone";
import type { IpEnrichment, ScreeningEnrichment } from "@/lib/schemas/enrichment";
import type { StoredProfile } from "@/lib/schemas/profile";
import type { CandidateLinks } from "../linkage/find-candidate-links";
import { employerKey, type LinkageInput } from "../linkage/linkage-input";
import type { SanctionsScreening } from "../sanctions/screen-sanctions";
import { configureEnrichmentData } from "./enrichment-data";

/** Enrichment computed from a stored profile (pure lookups into packaged data; no database). */
export type ProfileEnrichment = {
  ips: { context: IpEnrichment["context"]; at: string | null; lookup: IpFacts }[];
  phone: ReturnType<typeof enrichPhone> | null;
  email: ReturnType<typeof enrichEmail> | null;
  claimedTimeZone: ReturnType<typeof resolveClaimedTimeZone> | null;
  activity: ReturnType<typeof analyseActivityTimes> | null;
};

export function enrichProfile(profile: StoredProfile): ProfileEnrichment {
  configureEnrichmentData();
  const c = profile.candidate;
  const claimed = c?.claimedLocation;
  const claimedTimeZone = claimed && (claimed.city || claimed.region || claimed.country) ? resolveClaimedTimeZone(claimed) : null;
  const timestamps = profile.observations?.activityTimestamps ?? [];
  return {
    ips: (profile.observations?.ips ?? []).map((o) => ({ context: o.context, at: o.at ?? null, lookup: lookupIp(o.ip) })),
    phone: c?.phone ? enrichPhone(c.phone, { claimedCountry: claimed?.country ?? null }) : null,
    email: c?.email ? enrichEmail(c.email) : null,
    claimedTimeZone,
    activity: timestamps.length ? analyseActivityTimes(timestamps, claimedTimeZone?.timeZone ?? null) : null,
  };
}

/**
 * The enrichment as kept with the screening and shown to people and API clients (lib/schemas/enrichment.ts): every
 * lookup result, unknowns as null, so a screening that ran without its data files says so instead of looking clean.
 */
export function enrichmentRecord(e: ProfileEnrichment): ScreeningEnrichment {
  return {
    ip: e.ips.map(({ context, at, lookup }) => ({
      ip: lookup.input,
      context,
      at,
      valid: lookup.ip !== null,
      private: lookup.isPrivate,
      country: lookup.country,
      region: lookup.region,
      city: lookup.city,
      timeZone: lookup.timeZone,
      registryCountry: lookup.registryCountry,
      asn: lookup.asn,
      organisation: lookup.organisation,
      networkClass: lookup.networkClass,
      networkReason: lookup.networkReason,
    })),
    phone: e.phone
      ? {
          valid: e.phone.valid,
          e164: e.phone.e164,
          country: e.phone.country,
          lineType: e.phone.lineType.toLowerCase() as NonNullable<ScreeningEnrichment["phone"]>["lineType"],
          matchesClaimedCountry: e.phone.matchesClaimedCountry,
        }
      : null,
    email: e.email ? { domain: e.email.domain, disposable: e.email.disposable, freeProvider: e.email.freeWebmail } : null,
    timeZone:
      e.claimedTimeZone || e.activity
        ? {
            claimed: e.claimedTimeZone?.timeZone ?? null,
            claimedFrom: e.claimedTimeZone?.method ?? null,
            sampleSize: e.activity?.sampleSize ?? 0,
            shareInClaimedWorkHours: e.activity?.shareInClaimedZone ?? null,
            bestFitUtcOffsetHours: e.activity?.bestFitUtcOffsetHours ?? null,
            claimedUtcOffsetHours: e.activity?.claimedUtcOffsetHours ?? null,
          }
        : null,
    ipAttribution: e.ips.length ? { text: IP_DATA_ATTRIBUTION.text, href: IP_DATA_ATTRIBUTION.href } : null,
  };
}

/** The identifiers linkage indexes, taken from the stored profile (account and ID numbers already hashed). */
export function linkageInputFromProfile(profile: StoredProfile): LinkageInput {
  const c = profile.candidate;
  const equipment = profile.onboarding?.equipment;
  const shipTo = [equipment?.shipTo, ...(equipment?.shipToChanges ?? []).map((ch) => ch.to)].filter((a) => a != null);
  return {
    emails: c?.email ? [c.email] : [],
    phones: c?.phone ? [{ number: c.phone, claimedCountry: c.claimedLocation?.country ?? null }] : [],
    addresses: c?.homeAddress ? [c.homeAddress] : [],
    shipTo,
    deviceFingerprints: profile.observations?.deviceFingerprints ?? [],
    ips: (profile.observations?.ips ?? []).map((o) => o.ip),
    bankAccounts: profile.observations?.bankAccounts ?? [],
    govIds: profile.observations?.governmentIds ?? [],
    employers: (profile.workHistory ?? []).map((j) => j.employerName),
    unverifiedEmployers: (profile.workHistory ?? []).filter((j) => employerCheckOutcome(j) === false).map((j) => j.employerName),
    resumeText: profile.observations?.resumeText ?? null,
  };
}

type WorkHistoryJob = NonNullable<StoredProfile["workHistory"]>[number];

/**
 * What this candidate's own checks say about a former employer (LNK-06): false when the employment could not be
 * verified or was contradicted, or the employer's site is fabricated or no registered entity was found; true when
 * the employment was verified (and nothing failed); null (unknown) otherwise — pending, not checked.
 */
export function employerCheckOutcome(job: WorkHistoryJob): boolean | null {
  const outcome = job.verification?.outcome;
  const check = job.employerCheck;
  if (outcome === "unverifiable" || outcome === "contradicted" || check?.websiteFabricated === true || check?.registeredEntityFound === false) return false;
  if (outcome === "verified" || check?.registeredEntityFound === true) return true;
  return null;
}

/** The candidate's own verdict on each former employer, by normalised name (a failed check of any job wins). */
function ownEmployerVerdicts(profile: StoredProfile): Map<string, boolean | null> {
  const verdicts = new Map<string, boolean | null>();
  for (const job of profile.workHistory ?? []) {
    const key = employerKey(job.employerName);
    if (!key) continue;
    const outcome = employerCheckOutcome(job);
    const current = verdicts.get(key);
    if (current === false) continue;
    verdicts.set(key, outcome === null ? (current ?? null) : outcome === false ? false : true);
  }
  return verdicts;
}

const LINE_TYPES: Record<string, "mobile" | "landline" | "voip" | "toll_free" | "other"> = {
  MOBILE: "mobile",
  FIXED_LINE: "landline",
  FIXED_LINE_OR_MOBILE: "other",
  VOIP: "voip",
  TOLL_FREE: "toll_free",
};

const LINK_KIND: Record<string, "email" | "phone" | "address" | "bank" | "device" | "ip" | "govId"> = {
  EMAIL: "email",
  PHONE: "phone",
  ADDRESS: "address",
  BANK: "bank",
  DEVICE: "device",
  IP: "ip",
  GOV_ID: "govId",
};

/** Unknown stays unknown: a classification the data could not make becomes null, never false. */
function classFlag(lookup: IpFacts, cls: string): boolean | null {
  if (lookup.networkClass === "unknown" || lookup.asn === null) return null;
  return lookup.networkClass === cls;
}

export type BuildFactsOptions = {
  candidateId: string;
  profile: StoredProfile;
  enrichment: ProfileEnrichment;
  links: CandidateLinks | null;
  sanctions: SanctionsScreening | null;
};

/**
 * Profile + enrichment + linkage + sanctions → the engine's facts, validated at this boundary with the engine's
 * strict schema (the engine itself never re-validates).
 */
export function buildFacts({ candidateId, profile, enrichment, links, sanctions }: BuildFactsOptions): Facts {
  const { observations: _observations, verifications: _verifications, ...rest } = profile;
  const e = enrichment;
  const verdicts = links?.recurringEmployers.length ? ownEmployerVerdicts(profile) : new Map<string, boolean | null>();
  const facts = {
    ...rest,
    candidate: { ...(profile.candidate ?? {}), id: candidateId },
    enrichment: {
      ip: e.ips.length
        ? e.ips.map(({ context, at, lookup }) => ({
            context,
            at,
            country: lookup.country,
            asn: lookup.asn,
            org: lookup.organisation,
            isHosting: classFlag(lookup, "hosting"),
            isVpn: classFlag(lookup, "vpn"),
            isProxy: null,
            isTor: classFlag(lookup, "tor"),
            isRelay: classFlag(lookup, "relay"),
            distanceKmFromClaimed: null,
          }))
        : null,
      phone: e.phone
        ? {
            valid: e.phone.parseable || e.phone.valid ? e.phone.valid : false,
            country: e.phone.country,
            lineType: e.phone.lineType === "UNKNOWN" ? null : (LINE_TYPES[e.phone.lineType] ?? "other"),
            // Our own first-seen date is not the number's age (we first see every number when it applies), so the
            // age stays unknown to the engine; the first-seen date is kept with the identifier and shown to reviewers.
            firstSeenAt: null,
          }
        : null,
      email: e.email
        ? { disposable: e.email.disposable, freeProvider: e.email.freeWebmail, firstSeenAt: null }
        : null,
      activity:
        e.activity && e.activity.sampleSize > 0
          ? {
              shareInClaimedWorkHours: e.activity.shareInClaimedZone,
              bestFitUtcOffsetMinutes: e.activity.bestFitUtcOffsetHours === null ? null : Math.round(e.activity.bestFitUtcOffsetHours * 60),
              claimedUtcOffsetMinutes: e.activity.claimedUtcOffsetHours === null ? null : Math.round(e.activity.claimedUtcOffsetHours * 60),
              sampleSize: e.activity.sampleSize,
            }
          : null,
    },
    sanctions: sanctions?.listVersion
      ? {
          listVersion: sanctions.listVersion,
          matches: sanctions.matches.map((m) => ({
            subject: m.subject,
            queryValue: m.queryValue,
            listedName: m.listedName,
            program: m.program,
            score: m.score,
            entryType: m.entryType,
            aliasStrength: m.aliasStrength,
            agreed: m.corroboration.agreed,
            conflicted: m.corroboration.conflicted,
          })),
        }
      : null,
    linkage: links
      ? {
          sharedIdentifiers: links.sharedIdentifiers
            .filter((s) => LINK_KIND[s.kind])
            .map((s) => ({ kind: LINK_KIND[s.kind], otherCandidateIds: s.others.map((o) => o.id), otherNamesDiffer: s.otherNamesDiffer })),
          nearDuplicateResumes: links.nearDuplicateResumes.map((r) => ({ candidateId: r.candidateId, similarity: r.similarity })),
          sharedShipTo: profile.onboarding?.equipment?.shipTo
            ? { otherCandidateCount: links.sharedShipTo?.otherCount ?? 0, knownLaptopFarm: null }
            : null,
          recurringEmployers: links.recurringEmployers.map((r) => ({
            employerName: r.employerName,
            otherCandidateCount: r.otherCandidateCount,
            otherUnverifiedCount: r.otherUnverifiedCount,
            employerVerified: verdicts.get(r.employerName) ?? null,
          })),
        }
      : null,
  };
  return factsSchema.parse(facts);
}
