import { z } from "zod";
import { defineRule, hit } from "../rule";
import { msOf } from "../text";

export default defineRule({
  id: "multi-country-logins",
  indicatorIds: ["LOC-02"],
  category: "LOCATION",
  severity: "M",
  title: "One account used from several countries in a short time",
  description: "Connections (VPN and proxy excluded) from several different countries within a short window, which a single person could not plausibly make.",
  source: ["ADV22", "PSA25"],
  innocentExplanations: ["International travel with connecting flights", "Mobile roaming that exits through the home carrier's country"],
  verificationStep: "show-surroundings",
  reads: ["enrichment.ip[].country", "enrichment.ip[].at"],
  configSchema: z.strictObject({ windowHours: z.number().positive().max(24 * 30), minCountries: z.number().int().min(2) }),
  defaultConfig: { windowHours: 24, minCountries: 3 },
  evaluate(facts, config) {
    const ips = facts.enrichment?.ip;
    if (!ips || ips.length < config.minCountries) return null;
    // Cheap exit first: most profiles have fewer distinct countries than the threshold.
    const distinct: string[] = [];
    for (const ip of ips) {
      if (!ip.at || !ip.country || ip.isVpn === true || ip.isProxy === true || ip.isTor === true) continue;
      if (!distinct.includes(ip.country)) distinct.push(ip.country);
    }
    if (distinct.length < config.minCountries) return null;
    const points: { t: number; c: string }[] = [];
    for (const ip of ips) {
      if (!ip.at || !ip.country || ip.isVpn === true || ip.isProxy === true || ip.isTor === true) continue;
      points.push({ t: msOf(ip.at), c: ip.country });
    }
    if (points.length < config.minCountries) return null;
    points.sort((a, b) => a.t - b.t);
    const windowMs = config.windowHours * 3_600_000;
    for (let i = 0; i < points.length; i++) {
      const seen = new Set<string>();
      for (let j = i; j < points.length && points[j].t - points[i].t <= windowMs; j++) seen.add(points[j].c);
      if (seen.size >= config.minCountries) {
        const cs = [...seen].join(", ");
        return hit(`The account was used from ${seen.size} countries (${cs}) within ${config.windowHours} hours.`, [
          { label: "Countries", value: cs },
          { label: "Window", value: `${config.windowHours} hours from ${new Date(points[i].t).toISOString()}` },
        ]);
      }
    }
    return null;
  },
});
