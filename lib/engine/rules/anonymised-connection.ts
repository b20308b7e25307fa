import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "anonymised-connection",
  indicatorIds: ["LOC-01"],
  category: "LOCATION",
  severity: "L",
  severityNote: "M (still common) when the connection came from a hosting / VPS address: applying from a data-centre machine is how remote operators work, though cloud development environments explain some; L for VPNs, proxies and Tor.",
  title: "Connected through a VPN, proxy, Tor or hosting provider",
  description: "Application or interview connections came through an anonymising service (Tor, a VPN, a proxy) or a data-centre (VPS) address, which hides the real location. Low severity: many people use VPNs for ordinary privacy or work reasons. A privacy relay (iCloud Private Relay, Cloudflare WARP — on by default for many consumers) does not count unless the ruleset says so; it is named in the evidence when the rule fires for something else.",
  source: ["ADV22"],
  innocentExplanations: ["A privacy VPN or an employer's corporate VPN", "Public Wi-Fi protection", "A cloud development environment"],
  verificationStep: "show-surroundings",
  reads: ["enrichment.ip[]"],
  configSchema: z.strictObject({
    contexts: z.array(z.enum(["application", "interview", "onboarding", "work"])).min(1),
    countConsumerVpn: z.boolean(),
    /** Count privacy relays / CDN egress as anonymising. Off by default; optional so older rulesets still parse. */
    countPrivacyRelay: z.boolean().default(false),
  }),
  defaultConfig: { contexts: ["application", "interview"], countConsumerVpn: true, countPrivacyRelay: false },
  evaluate(facts, config) {
    const ips = facts.enrichment?.ip;
    if (!ips) return null;
    const kinds: string[] = [];
    let relays = 0;
    for (const ip of ips) {
      if (!config.contexts.includes(ip.context)) continue;
      if (ip.isRelay === true) {
        relays++;
        if (config.countPrivacyRelay && !kinds.includes("privacy relay")) kinds.push("privacy relay");
      }
      if (ip.isTor === true && !kinds.includes("Tor")) kinds.push("Tor");
      if (ip.isProxy === true && !kinds.includes("proxy")) kinds.push("proxy");
      if (ip.isHosting === true && !kinds.includes("hosting/VPS")) kinds.push("hosting/VPS");
      if (config.countConsumerVpn && ip.isVpn === true && !kinds.includes("VPN")) kinds.push("VPN");
    }
    if (kinds.length === 0) return null;
    const evidence = [{ label: "Anonymising services seen", value: kinds.join(", ") }];
    if (relays && !config.countPrivacyRelay)
      evidence.push({ label: "Privacy relay / CDN egress (not counted)", value: `${relays} connection${relays === 1 ? "" : "s"}: a consumer privacy relay hides the location but is on by default for many people` });
    return hit(`The candidate connected through ${kinds.join(", ")}, which hides their location.`, evidence, kinds.includes("hosting/VPS") ? "M" : "L", { specific: false });
  },
});
