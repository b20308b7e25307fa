import { z } from "zod";
import { defineRule, hit } from "../rule";
import type { Job } from "../facts";
import { msOf, yearOf } from "../text";

const DAY_MS = 86_400_000;

/**
 * Years of experience from the work history when none is stated: the union of the employment spans (overlapping or
 * concurrent jobs count once), a current job running to `refMs`. Jobs without a start, or ended without an end
 * date and not current, are left out. Null when no span can be read.
 */
export function derivedYearsOfExperience(jobs: readonly Job[], refMs: number): { years: number; jobsCounted: number } | null {
  const spans: [number, number][] = [];
  for (const j of jobs) {
    if (!j.start) continue;
    const from = msOf(j.start);
    const to = j.end ? msOf(j.end) : j.current === true ? refMs : NaN;
    if (!(to > from)) continue;
    spans.push([from, Math.min(to, refMs)]);
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [curFrom, curTo] = spans[0];
  for (const [from, to] of spans.slice(1)) {
    if (from <= curTo) curTo = Math.max(curTo, to);
    else {
      total += curTo - curFrom;
      [curFrom, curTo] = [from, to];
    }
  }
  total += Math.max(0, curTo - curFrom);
  return { years: Math.round((total / DAY_MS / 365.25) * 10) / 10, jobsCounted: spans.length };
}

export default defineRule({
  id: "new-profile-implausible-history",
  indicatorIds: ["WH-04"],
  category: "WORK_HISTORY",
  severity: "L",
  severityNote: "M when a new profile also shows back-dated activity or copied repositories.",
  title: "New profile with an implausible history",
  description: "A GitHub or LinkedIn profile was created shortly before the application and either shows back-dated commits or copied repositories, or all profiles are new although the résumé claims years of experience. When no years of experience are stated they are derived from the work history (the union of the employment spans, overlapping jobs counted once) and the evidence says so. A new profile alone never fires: new graduates and career changers have them.",
  source: ["MSFT25"],
  innocentExplanations: ["A new graduate or career changer", "Someone who worked only on private/company repositories", "A profile recreated after losing access"],
  verificationStep: "profile-review",
  reads: ["onlineProfiles[]", "application.submittedAt", "application.claimedYearsExperience", "workHistory[].start", "workHistory[].end", "workHistory[].current"],
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
    let years = facts.application?.claimedYearsExperience;
    let derived: { years: number; jobsCounted: number } | null = null;
    if (!fabricated && allNew && years == null && facts.workHistory?.length) {
      derived = derivedYearsOfExperience(facts.workHistory, ref === ref ? ref : msOf(refIso));
      years = derived?.years;
    }
    if (!fabricated && allNew && years != null && years >= config.minClaimedYears) {
      evidence.push({ label: "All online profiles created within", value: `${config.newWithinDays} days of applying` });
      if (derived)
        evidence.push({
          label: "Years of experience (derived from the work history)",
          value: `${derived.years} — not stated; the union of ${derived.jobsCounted} employment span${derived.jobsCounted === 1 ? "" : "s"}, overlapping jobs counted once`,
        });
      else evidence.push({ label: "Claimed years of experience", value: String(years) });
    }
    if (evidence.length === 0) return null;
    return hit(
      fabricated
        ? "A recently created profile shows back-dated activity or copied repositories."
        : derived
          ? `All online profiles are recent although the work history spans ${years} years (derived; no years of experience were stated).`
          : `All online profiles are recent although the résumé claims ${years} years of experience.`,
      evidence,
      fabricated ? "M" : undefined,
    );
  },
});
