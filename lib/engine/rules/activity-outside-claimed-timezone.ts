import { z } from "zod";
import { defineRule, hit, suppressed } from "../rule";
import { pct } from "../text";

const fmtOffset = (m: number) => `UTC${m < 0 ? "−" : "+"}${String(Math.floor(Math.abs(m) / 60)).padStart(2, "0")}:${String(Math.abs(m) % 60).padStart(2, "0")}`;

export default defineRule({
  id: "activity-outside-claimed-timezone",
  indicatorIds: ["LOC-04"],
  category: "LOCATION",
  severity: "L",
  title: "Activity clusters in another time zone",
  description: "Most activity falls outside normal working hours of the claimed time zone and fits another time zone far better. Suppressed when the candidate told us they work nights.",
  source: ["ADV22"],
  innocentExplanations: ["Night-shift or caregiving schedules", "Working for clients in other time zones", "A second job during the day"],
  verificationStep: "confirm-working-hours",
  reads: ["enrichment.activity", "candidate.declaredWorkingHours"],
  configSchema: z.strictObject({
    minSampleSize: z.number().int().min(1),
    maxShareInWorkHours: z.number().min(0).max(1),
    minOffsetDifferenceMinutes: z.number().int().min(0),
  }),
  defaultConfig: { minSampleSize: 30, maxShareInWorkHours: 0.3, minOffsetDifferenceMinutes: 180 },
  evaluate(facts, config) {
    const a = facts.enrichment?.activity;
    if (!a) return null;
    const { shareInClaimedWorkHours: share, bestFitUtcOffsetMinutes: best, claimedUtcOffsetMinutes: claimed, sampleSize } = a;
    if (share == null || best == null || claimed == null || sampleSize == null) return null;
    if (sampleSize < config.minSampleSize || share > config.maxShareInWorkHours) return null;
    let diff = Math.abs(best - claimed);
    if (diff > 720) diff = 1440 - diff;
    if (diff < config.minOffsetDifferenceMinutes) return null;
    const evidence = [
      { label: "Activity inside claimed working hours", value: `${pct(share)} of ${sampleSize} events` },
      { label: "Claimed time zone", value: fmtOffset(claimed) },
      { label: "Time zone that best fits the activity", value: fmtOffset(best) },
    ];
    const declared = facts.candidate?.declaredWorkingHours;
    if (declared === "night_shift" || declared === "flexible")
      return suppressed(`The candidate told us they work ${declared === "night_shift" ? "night shifts" : "flexible hours"}.`, evidence);
    return hit(`Only ${pct(share)} of activity falls in working hours of the claimed time zone; it fits ${fmtOffset(best)} better.`, evidence);
  },
});
