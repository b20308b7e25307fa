import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "shared-ip-or-device",
  indicatorIds: ["LNK-04"],
  category: "LINKAGE",
  severity: "M",
  severityNote: "H when the IP or device is shared with several other applicants.",
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
    let max = 0;
    for (const s of shared) {
      const n = s.otherCandidateIds.length;
      if ((s.kind === "ip" && n >= config.minOthersForIp) || (s.kind === "device" && n >= config.minOthersForDevice)) {
        evidence.push({ label: `Same ${s.kind === "ip" ? "IP address" : "device fingerprint"} as`, value: `${n} other applicant(s)` });
        if (n > max) max = n;
      }
    }
    if (evidence.length === 0) return null;
    return hit("Other applicant accounts were used from the same IP address or device.", evidence, max >= config.minOthersForHigh ? "H" : undefined);
  },
});
