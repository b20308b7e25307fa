import { z } from "zod";
import { describeSkipped, untrustedCountryReason, type UntrustedCountryReason } from "../ip-trust";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "ip-country-mismatch",
  indicatorIds: ["LOC-01"],
  category: "LOCATION",
  severity: "M",
  severityNote: "H (scheme-specific) when a connection geolocates to a country listed in the rule's settings (default: KP — internet access there is held by the state, so there is no ordinary innocent explanation); M (common) otherwise.",
  title: "Connected from outside the claimed country",
  description: "Application or interview connections geolocate to a country other than the one the candidate says they live in. Addresses whose country is not the user's — Tor exits, privacy relays / CDN egress (iCloud Private Relay, Cloudflare WARP), VPN exits, proxies and hosting / VPS — are excluded here and listed in the evidence as skipped; Tor, VPN, proxy and hosting are scored by anonymised-connection at low severity.",
  source: ["ADV22"],
  innocentExplanations: ["Travelling or relocating", "A corporate network or mobile carrier that exits in another country", "Geolocation database error near a border"],
  verificationStep: "show-surroundings",
  reads: ["candidate.claimedLocation.country", "enrichment.ip[]"],
  configSchema: z.strictObject({
    contexts: z.array(z.enum(["application", "interview", "onboarding", "work"])).min(1),
    minObservations: z.number().int().min(1),
    /** Connection countries that are specific to the scheme on their own. Optional so older rulesets parse. */
    specificCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).default(["KP"]),
  }),
  defaultConfig: { contexts: ["application", "interview"], minObservations: 1, specificCountries: ["KP"] },
  evaluate(facts, config) {
    const claimed = facts.candidate?.claimedLocation?.country;
    const ips = facts.enrichment?.ip;
    if (!claimed || !ips) return null;
    let n = 0;
    const countries: string[] = [];
    const skipped: { reason: UntrustedCountryReason; country: string | null }[] = [];
    for (const ip of ips) {
      if (!ip.country || ip.country === claimed) continue;
      if (!config.contexts.includes(ip.context)) continue;
      const reason = untrustedCountryReason(ip);
      if (reason) {
        skipped.push({ reason, country: ip.country });
        continue;
      }
      n++;
      if (!countries.includes(ip.country)) countries.push(ip.country);
    }
    if (n < config.minObservations) return null;
    const evidence = [
      { label: "Claimed country", value: claimed },
      { label: "Connection countries", value: countries.join(", ") },
      { label: "Connections outside the claimed country", value: String(n) },
    ];
    if (skipped.length)
      evidence.push({ label: "Skipped (country not the user's)", value: describeSkipped(skipped) });
    const summary = `The candidate claims to be in ${claimed} but connected from ${countries.join(", ")} without a VPN, relay or proxy.`;
    if (countries.some((c) => config.specificCountries.includes(c))) return hit(summary, evidence, "H", { specific: true });
    return hit(summary, evidence, "M", { specific: false });
  },
});
