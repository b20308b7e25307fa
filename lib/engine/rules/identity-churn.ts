import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "identity-churn",
  indicatorIds: ["WH-09"],
  category: "WORK_HISTORY",
  severity: "L",
  title: "Sudden name or handle changes, deleted profiles",
  description: "Online profiles changed their display name or handle several times, or profiles the candidate listed were deleted.",
  source: ["SEAL"],
  innocentExplanations: ["Rebranding, or a legal name change", "Leaving social media for privacy"],
  verificationStep: "profile-review",
  reads: ["onlineProfiles[].nameOrHandleChanges", "onlineProfiles[].deleted"],
  configSchema: z.strictObject({ minChanges: z.number().int().min(1) }),
  defaultConfig: { minChanges: 2 },
  evaluate(facts, config) {
    const profiles = facts.onlineProfiles;
    if (!profiles) return null;
    const evidence = [];
    for (const p of profiles) {
      if (p.nameOrHandleChanges != null && p.nameOrHandleChanges >= config.minChanges)
        evidence.push({ label: `${p.platform}: name or handle changes`, value: String(p.nameOrHandleChanges) });
      if (p.deleted === true) evidence.push({ label: `${p.platform} profile deleted`, value: "yes" });
    }
    if (evidence.length === 0) return null;
    return hit("The candidate's online identity changed names or handles repeatedly, or profiles were deleted.", evidence);
  },
});
