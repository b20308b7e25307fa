import { z } from "zod";
import { describeSkipped, untrustedCountryReason, type UntrustedCountryReason } from "../ip-trust";
import { defineRule, hit, suppressed } from "../rule";
import { msOf } from "../text";

const SKIPPED_WHY = "their country is the exit's, relay's or server's, not where the user is";

export default defineRule({
  id: "multi-country-logins",
  indicatorIds: ["LOC-02"],
  category: "LOCATION",
  severity: "M",
  severityNote: "H (scheme-specific) when none of the trusted countries is the one the candidate claims to live in — a traveller shows up from home at some point; M (common) otherwise.",
  title: "One account used from several countries in a short time",
  description:
    "Connections from several different countries within a short window, which a single person could not plausibly make. Only countries that can be trusted as the user's are counted: Tor exits, privacy relays / CDN egress, VPN exits, proxies and hosting / VPS addresses are skipped, and the evidence says which were skipped and why. When the skipped ones alone would have made up the count, the result is shown as not counted, with the reason.",
  source: ["ADV22", "PSA25"],
  innocentExplanations: ["International travel with connecting flights", "Mobile roaming that exits through the home carrier's country"],
  verificationStep: "show-surroundings",
  reads: ["candidate.claimedLocation.country", "enrichment.ip[].country", "enrichment.ip[].at", "enrichment.ip[].isTor", "enrichment.ip[].isRelay", "enrichment.ip[].isVpn", "enrichment.ip[].isProxy", "enrichment.ip[].isHosting"],
  configSchema: z.strictObject({ windowHours: z.number().positive().max(24 * 30), minCountries: z.number().int().min(2) }),
  defaultConfig: { windowHours: 24, minCountries: 3 },
  evaluate(facts, config) {
    const ips = facts.enrichment?.ip;
    if (!ips || ips.length < config.minCountries) return null;
    // Cheap exit first: most profiles have fewer distinct countries than the threshold, trusted or not.
    const distinctAll: string[] = [];
    for (const ip of ips) if (ip.at && ip.country && !distinctAll.includes(ip.country)) distinctAll.push(ip.country);
    if (distinctAll.length < config.minCountries) return null;

    const points: { t: number; c: string }[] = [];
    const skipped: { t: number; reason: UntrustedCountryReason; country: string | null }[] = [];
    for (const ip of ips) {
      if (!ip.at || !ip.country) continue;
      const reason = untrustedCountryReason(ip);
      if (reason) skipped.push({ t: msOf(ip.at), reason, country: ip.country });
      else points.push({ t: msOf(ip.at), c: ip.country });
    }
    const windowMs = config.windowHours * 3_600_000;
    const skippedIn = (from: number, to: number) => skipped.filter((s) => s.t >= from && s.t <= to);
    points.sort((a, b) => a.t - b.t);
    for (let i = 0; i < points.length; i++) {
      const seen = new Set<string>();
      let last = points[i].t;
      for (let j = i; j < points.length && points[j].t - points[i].t <= windowMs; j++) {
        seen.add(points[j].c);
        last = points[j].t;
      }
      if (seen.size >= config.minCountries) {
        const cs = [...seen].join(", ");
        const evidence = [
          { label: "Countries", value: cs },
          { label: "Window", value: `${config.windowHours} hours from ${new Date(points[i].t).toISOString()}` },
        ];
        const near = skippedIn(points[i].t, Math.max(last, points[i].t + windowMs));
        if (near.length) evidence.push({ label: "Skipped (country not trusted)", value: `${describeSkipped(near)}: ${SKIPPED_WHY}` });
        const claimed = facts.candidate?.claimedLocation?.country;
        if (claimed && !seen.has(claimed)) {
          evidence.push({ label: "Claimed country", value: `${claimed} — not among them` });
          return hit(`The account was used from ${seen.size} countries (${cs}) within ${config.windowHours} hours, none of them the claimed ${claimed}.`, evidence, "H", { specific: true });
        }
        return hit(`The account was used from ${seen.size} countries (${cs}) within ${config.windowHours} hours.`, evidence, "M", { specific: false });
      }
    }
    // Not enough trusted countries. If the skipped observations would have made up the count, say so instead of
    // staying silent: a reviewer should see that a Tor exit or relay was left out, and why.
    const all = [...points.map((p) => ({ t: p.t, c: p.c })), ...skipped.map((s) => ({ t: s.t, c: s.country! }))].sort((a, b) => a.t - b.t);
    for (let i = 0; i < all.length; i++) {
      const seen = new Set<string>();
      for (let j = i; j < all.length && all[j].t - all[i].t <= windowMs; j++) seen.add(all[j].c);
      if (seen.size >= config.minCountries) {
        const near = skippedIn(all[i].t, all[i].t + windowMs);
        const trusted = [...new Set(points.filter((p) => p.t >= all[i].t && p.t <= all[i].t + windowMs).map((p) => p.c))];
        return suppressed(
          `Only ${trusted.length} trusted ${trusted.length === 1 ? "country" : "countries"} within ${config.windowHours} hours; the others came from ${describeSkipped(near)}, and ${SKIPPED_WHY}.`,
          [
            { label: "Trusted countries", value: trusted.join(", ") || "none" },
            { label: "Skipped (country not trusted)", value: describeSkipped(near) },
          ],
        );
      }
    }
    return null;
  },
});
