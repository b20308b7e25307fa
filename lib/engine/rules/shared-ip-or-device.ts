import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "shared-ip-or-device",
  indicatorIds: ["LNK-04"],
  category: "LINKAGE",
  severity: "M",
  severityNote: "H (scheme-specific) when a device fingerprint is shared, or an IP with several other applicants; M (common) for an IP shared with a few (households, offices, carrier NAT).",
  title: "Applicant accounts from the same IP or device",
  description: "Other applicant accounts used the same device fingerprint, or the same IP address (more than a household would).",
  source: ["ADV22"],
  innocentExplanations: ["A shared household, university or office network", "Carrier-grade NAT on mobile networks"],
  verificationStep: "review-linked-applicants",
  reads: ["linkage.sharedIdentifiers[] (kind ip, device)"],
  configSchema: z.strictObject({ minOthersForIp: z.number().int().min(1), minOthersForDevice: z.number().int().min(1), minOthersForHigh: z.number().int().min(1) }),
  defaultConfig: { minOthersForIp: 2, minOthersForDevice: 1, minOthersForHigh: 3 },
  evaluate(facts, config) {
    const shared = facts.linkage?.sharedIdentifiers;
    if (!shared) return null;
    const evidence = [];
    let strong = false;
    for (const s of shared) {
      const n = s.otherCandidateIds.length;
      if ((s.kind === "ip" && n >= config.minOthersForIp) || (s.kind === "device" && n >= config.minOthersForDevice)) {
        evidence.push({ label: `Same ${s.kind === "ip" ? "IP address" : "device fingerprint"} as`, value: `${n} other applicant(s)` });
        if (s.kind === "device" || n >= config.minOthersForHigh) strong = true;
      }
    }
    if (evidence.length === 0) return null;
    return hit("Other applicant accounts were used from the same IP address or device.", evidence, strong ? "H" : "M", { specific: strong });
  },
});
