import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "fabricated-employer",
  indicatorIds: ["WH-05"],
  category: "WORK_HISTORY",
  severity: "M",
  title: "Former employer or portfolio looks fabricated",
  description: "A former employer's website was found to be fabricated (template site, no real history) or no registered company by that name could be found.",
  source: ["MAND24", "DOJ"],
  innocentExplanations: ["A small or defunct start-up", "A company registered under a different legal name", "A registry the reviewer did not search"],
  verificationStep: "independent-employer-contact",
  reads: ["workHistory[].employerCheck"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const jobs = facts.workHistory;
    if (!jobs) return null;
    const evidence = [];
    for (const j of jobs) {
      const c = j.employerCheck;
      if (!c) continue;
      if (c.websiteFabricated === true) evidence.push({ label: `${j.employerName}: website looks fabricated`, value: "yes" });
      if (c.registeredEntityFound === false) evidence.push({ label: `${j.employerName}: registered company found`, value: "no" });
    }
    if (evidence.length === 0) return null;
    return hit("A former employer on the résumé looks fabricated or could not be found as a registered company.", evidence);
  },
});
