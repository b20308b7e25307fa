import { z } from "zod";
import { defineRule, hit } from "../rule";
import type { Job } from "../facts";
import { msOf } from "../text";

const MONTH_MS = 30.44 * 86_400_000;

export default defineRule({
  id: "overlapping-jobs",
  indicatorIds: ["WH-07"],
  category: "WORK_HISTORY",
  severity: "L",
  title: "Overlapping full-time jobs or impossible dates",
  description: "Two full-time jobs on the résumé overlap by more than a few months, or a job ends before it starts or starts in the future. Part-time, contract and unknown-hours jobs are not compared.",
  source: ["DTEX"],
  innocentExplanations: ["A notice period or handover", "A side business listed as full-time", "A typo in the dates"],
  verificationStep: "independent-employer-contact",
  reads: ["workHistory[].start", "workHistory[].end", "workHistory[].fullTime", "workHistory[].current"],
  configSchema: z.strictObject({ maxOverlapMonths: z.number().min(0) }),
  defaultConfig: { maxOverlapMonths: 3 },
  evaluate(facts, config, ctx) {
    const jobs = facts.workHistory;
    if (!jobs || jobs.length === 0) return null;
    const today = ctx.asOfDate;
    const evidence = [];
    let spans: { job: Job; end: string }[] | null = null;
    // Résumé dates are YYYY-MM-DD, so they compare as strings; parse only when an overlap must be measured.
    for (const j of jobs) {
      if (!j.start) continue;
      if (j.start > today) evidence.push({ label: `${j.employerName}: start date`, value: `${j.start} (in the future)` });
      if (j.end && j.end < j.start) evidence.push({ label: `${j.employerName}: dates`, value: `ends ${j.end} before it starts ${j.start}` });
      const end = j.end ?? (j.current === true ? today : null);
      if (j.fullTime === true && end && end >= j.start) (spans ??= []).push({ job: j, end });
    }
    if (spans && spans.length > 1) {
      const limit = config.maxOverlapMonths * MONTH_MS;
      for (let i = 0; i < spans.length; i++)
        for (let k = i + 1; k < spans.length; k++) {
          const a = spans[i];
          const b = spans[k];
          if (!(a.job.start! < b.end && b.job.start! < a.end)) continue;
          const overlap = Math.min(msOf(a.end), msOf(b.end)) - Math.max(msOf(a.job.start!), msOf(b.job.start!));
          if (overlap > limit)
            evidence.push({
              label: `Full-time at ${a.job.employerName} and ${b.job.employerName} at once`,
              value: `${a.job.start}–${a.job.end ?? "present"} and ${b.job.start}–${b.job.end ?? "present"} (${Math.round(overlap / MONTH_MS)} months)`,
            });
        }
    }
    if (evidence.length === 0) return null;
    return hit("The résumé has overlapping full-time jobs or impossible dates.", evidence);
  },
});
