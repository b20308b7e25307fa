import { z } from "zod";
import { defineRule, hit } from "../rule";
import { msOf, yearOf } from "../text";

export default defineRule({
  id: "new-profile-implausible-history",
  indicatorIds: ["WH-04"],
  category: "WORK_HISTORY",
  severity: "L",
  severityNote: "M when a new profile also shows back-dated activity or copied repositories.",
  title: "New profile with an implausible history",
  description: "A GitHub or LinkedIn profile was created shortly before the application and either shows back-dated commits or copied repositories, or all profiles are new although the résumé claims years of experience. A new profile alone never fires: new graduates and career changers have them.",
  source: ["MSFT25"],
  innocentExplanations: ["A new graduate or career changer", "Someone who worked only on private/company repositories", "A profile recreated after losing access"],
  verificationStep: "profile-review",
  reads: ["onlineProfiles[]", "application.submittedAt", "application.claimedYearsExperience"],
  configSchema: z.strictObject({ newWithinDays: z.number().int().min(1), minClaimedYears: z.number().min(0) }),
  defaultConfig: { newWithinDays: 180, minClaimedYears: 5 },
  evaluate(facts, config, ctx) {
    const profiles = facts.onlineProfiles;
    if (!profiles || profiles.length === 0) return null;
    const refIso = facts.application?.submittedAt ?? ctx.asOfDate;
    // Cheap pre-check on the year: a profile from two calendar years before is old whenever the window is ≤ 365 days.
    const minYear = config.newWithinDays <= 365 ? yearOf(refIso) - 1 : -Infinity;
    let ref = NaN;
    const limit = config.newWithinDays * 86_400_000;
    const evidence = [];
    let fabricated = false;
    let allNew = true;
    for (const p of profiles) {
      let isNew = false;
      if (p.createdAt != null && yearOf(p.createdAt) >= minYear) {
        if (ref !== ref) ref = msOf(refIso);
        isNew = ref - msOf(p.createdAt) <= limit;
      }
      if (!isNew) {
        allNew = false;
        continue;
      }
      if (p.backdatedActivity === true || p.copiedRepositories === true) {
        fabricated = true;
        evidence.push({ label: `${p.platform} profile created`, value: p.createdAt! });
        if (p.backdatedActivity === true) evidence.push({ label: `${p.platform}: back-dated activity`, value: "yes" });
        if (p.copiedRepositories === true) evidence.push({ label: `${p.platform}: copied repositories`, value: "yes" });
      }
    }
    const years = facts.application?.claimedYearsExperience;
    if (!fabricated && allNew && years != null && years >= config.minClaimedYears) {
      evidence.push({ label: "All online profiles created within", value: `${config.newWithinDays} days of applying` });
      evidence.push({ label: "Claimed years of experience", value: String(years) });
    }
    if (evidence.length === 0) return null;
    return hit(
      fabricated ? "A recently created profile shows back-dated activity or copied repositories." : `All online profiles are recent although the résumé claims ${years} years of experience.`,
      evidence,
      fabricated ? "M" : undefined,
    );
  },
});
