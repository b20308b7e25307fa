import { z } from "zod";
import { defineRule, hit } from "../rule";
import { memoByConfig, memoString, normalizeText } from "../text";

// Legal-form words are dropped only for matching whole names against this curated list (see Watchman #483).
const LEGAL_FORMS = /\b(co|ltd|llc|inc|corp|company|limited|corporation|gmbh)\b/g;
const key = memoString((s: string) => normalizeText(s).replace(LEGAL_FORMS, " ").replace(/\s+/g, " ").trim());

const configSchema = z.strictObject({ knownFronts: z.array(z.string().min(3)).min(1) });
const frontKeys = memoByConfig((c: z.infer<typeof configSchema>) => new Map(c.knownFronts.map((f) => [key(f), f])));

export default defineRule({
  id: "known-front-employer",
  indicatorIds: ["WH-05"],
  category: "WORK_HISTORY",
  severity: "H",
  title: "Former employer is a known front company",
  description: "A former employer on the résumé matches a company named as a DPRK IT-worker front or shell in sanctions designations or DOJ cases (exact match after normalising case, punctuation and legal form).",
  source: ["MAND24", "DOJ"],
  innocentExplanations: ["A different company with a similar name", "Someone unknowingly employed by a front company"],
  verificationStep: "independent-employer-contact",
  reads: ["workHistory[].employerName"],
  configSchema,
  defaultConfig: {
    knownFronts: [
      "Yanbian Silverstar Network Technology Co., Ltd.",
      "China Silver Star",
      "Volasys Silver Star",
      "Volasys Silverstar",
      "Chinyong Information Technology Cooperation Company",
      "Jinyong IT Cooperation Company",
      "Alis LLC",
      "Pioneer Bencont Star Real Estate",
      "Korea Sobaeksu Trading Company",
      "Shenyang Geumpungri Network Technology Co., Ltd.",
      "Korea Sinjin Trading Corporation",
      "Korea Mangyongdae Computer Technology Company",
      "Liaoning China Trade Industry Co., Ltd.",
      "Chonsurim Trading Corporation",
      "Tony WKJ LLC",
      "Independent Lab LLC",
      "Hopana Tech LLC",
    ],
  },
  evaluate(facts, config) {
    const jobs = facts.workHistory;
    if (!jobs) return null;
    const fronts = frontKeys(config);
    for (const j of jobs) {
      const listed = fronts.get(key(j.employerName));
      if (listed) {
        return hit(`Former employer "${j.employerName}" matches the known front company "${listed}".`, [
          { label: "Employer on résumé", value: j.employerName },
          { label: "Known front it matches", value: listed },
        ]);
      }
    }
    return null;
  },
});
