import { z } from "zod";
import { defineRule, hit, suppressed } from "../rule";
import { pct } from "../text";

const fmtOffset = (m: number) => `UTC${m < 0 ? "−" : "+"}${String(Math.floor(Math.abs(m) / 60)).padStart(2, "0")}:${String(Math.abs(m) % 60).padStart(2, "0")}`;

export type TimeZoneConfidence = "low" | "medium" | "high";

/**
 * How far a handful of timestamps can be trusted. Early-stage applicants leave only a few (application, emails,
 * interview slots), so a clear pattern in 5–14 of them is reported with low confidence, 15 up to the full sample
 * with medium, and from `minSampleSize` on with high.
 */
export function timeZoneConfidence(sampleSize: number, minSampleSize: number): TimeZoneConfidence {
  if (sampleSize >= minSampleSize) return "high";
  return sampleSize >= Math.min(15, minSampleSize) ? "medium" : "low";
}

export default defineRule({
  id: "activity-outside-claimed-timezone",
  indicatorIds: ["LOC-04"],
  category: "LOCATION",
  severity: "L",
  severityNote: "M (still common) with a full sample (high confidence) of which nearly all (by default ≥ 85 %) falls outside the claimed working hours — the person works another zone's day; L otherwise.",
  title: "Activity clusters in another time zone",
  description:
    "Most activity falls outside normal working hours of the claimed time zone and fits another time zone far better. With a full sample (30 timestamps by default) the usual share applies; with only a few (5 or more by default) nearly all of them must fall outside working hours, and the hit states how many timestamps it rests on and its confidence (low, medium, high). One or two odd times never fire. Suppressed when the candidate told us they work nights or flexible hours.",
  source: ["ADV22"],
  innocentExplanations: ["Night-shift or caregiving schedules", "Working for clients in other time zones", "A second job during the day"],
  verificationStep: "confirm-working-hours",
  reads: ["enrichment.activity", "candidate.declaredWorkingHours"],
  configSchema: z.strictObject({
    /** Timestamps for a full-confidence result. */
    minSampleSize: z.number().int().min(1),
    maxShareInWorkHours: z.number().min(0).max(1),
    minOffsetDifferenceMinutes: z.number().int().min(0),
    /** Fewest timestamps for a (low- or medium-confidence) result from a small sample. Optional so older rulesets parse. */
    minFewSampleSize: z.number().int().min(3).default(5),
    /** With a small sample, the share inside working hours must be at most this (stricter than the full-sample share). */
    maxShareInWorkHoursFewSample: z.number().min(0).max(1).default(0.2),
    /** With a full sample, a share inside working hours at most this makes the hit M (nearly all outside). */
    maxShareInWorkHoursForMedium: z.number().min(0).max(1).default(0.15),
  }),
  defaultConfig: { minSampleSize: 30, maxShareInWorkHours: 0.3, minOffsetDifferenceMinutes: 180, minFewSampleSize: 5, maxShareInWorkHoursFewSample: 0.2, maxShareInWorkHoursForMedium: 0.15 },
  evaluate(facts, config) {
    const a = facts.enrichment?.activity;
    if (!a) return null;
    const { shareInClaimedWorkHours: share, bestFitUtcOffsetMinutes: best, claimedUtcOffsetMinutes: claimed, sampleSize } = a;
    if (share == null || best == null || claimed == null || sampleSize == null) return null;
    const full = sampleSize >= config.minSampleSize;
    if (full ? share > config.maxShareInWorkHours : sampleSize < config.minFewSampleSize || share > config.maxShareInWorkHoursFewSample) return null;
    let diff = Math.abs(best - claimed);
    if (diff > 720) diff = 1440 - diff;
    if (diff < config.minOffsetDifferenceMinutes) return null;
    const confidence = timeZoneConfidence(sampleSize, config.minSampleSize);
    const outside = Math.round(sampleSize * (1 - share));
    const confidenceText =
      confidence === "high"
        ? `high — ${sampleSize} timestamps`
        : `${confidence} — only ${sampleSize} timestamps (${config.minSampleSize} give a confident result); confirm working hours before reading anything into it`;
    const evidence = [
      { label: "Timestamps analysed", value: `${sampleSize}, of which ${outside} outside 09:00–18:00 of the claimed time zone` },
      { label: "Activity inside claimed working hours", value: `${pct(share)} of ${sampleSize} events` },
      { label: "Claimed time zone", value: fmtOffset(claimed) },
      { label: "Time zone that best fits the activity", value: fmtOffset(best) },
      { label: "Confidence", value: confidenceText },
    ];
    const declared = facts.candidate?.declaredWorkingHours;
    if (declared === "night_shift" || declared === "flexible")
      return suppressed(`The candidate told us they work ${declared === "night_shift" ? "night shifts" : "flexible hours"}.`, evidence);
    const strong = full && share <= config.maxShareInWorkHoursForMedium;
    return hit(
      full
        ? `Only ${pct(share)} of activity falls in working hours of the claimed time zone; it fits ${fmtOffset(best)} better.`
        : `${outside} of ${sampleSize} timestamps fall outside working hours of the claimed time zone and fit ${fmtOffset(best)} better (${confidence} confidence: few timestamps).`,
      evidence,
      strong ? "M" : "L",
      { specific: false },
    );
  },
});
