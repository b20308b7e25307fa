import { z } from "zod";
import { defineRule, hit } from "../rule";
import { msOf, yearOf } from "../text";

export default defineRule({
  id: "fresh-contact-details",
  indicatorIds: ["COM-06"],
  category: "COMMUNICATION",
  severity: "L",
  title: "Freshly created contact details",
  description: "The email address was first seen shortly before applying or is from a disposable provider, or the phone number is a VoIP line.",
  source: ["MSFT25"],
  innocentExplanations: ["A new address created for the job search", "VoIP numbers used for privacy or by people who move often"],
  verificationStep: "alternative-identity-proofing",
  reads: ["enrichment.email", "enrichment.phone.lineType", "application.submittedAt"],
  configSchema: z.strictObject({ newWithinDays: z.number().int().min(1), countVoip: z.boolean() }),
  defaultConfig: { newWithinDays: 30, countVoip: true },
  evaluate(facts, config, ctx) {
    const e = facts.enrichment;
    if (!e) return null;
    const evidence = [];
    if (e.email?.disposable === true) evidence.push({ label: "Email from a disposable-address provider", value: "yes" });
    const firstSeen = e.email?.firstSeenAt;
    const refIso = facts.application?.submittedAt ?? ctx.asOfDate;
    if (firstSeen && (config.newWithinDays > 365 || yearOf(firstSeen) >= yearOf(refIso) - 1)) {
      const ref = msOf(refIso);
      const days = (ref - msOf(firstSeen)) / 86_400_000;
      if (days <= config.newWithinDays) evidence.push({ label: "Email first seen", value: `${firstSeen} (${Math.max(0, Math.round(days))} days before applying)` });
    }
    if (config.countVoip && e.phone?.lineType === "voip") evidence.push({ label: "Phone line type", value: "VoIP" });
    if (evidence.length === 0) return null;
    return hit("The candidate's contact details are new, disposable or VoIP.", evidence);
  },
});
