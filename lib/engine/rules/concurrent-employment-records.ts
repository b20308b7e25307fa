import { z } from "zod";
import { defineRule, hit } from "../rule";
import { msOf } from "../text";

export default defineRule({
  id: "concurrent-employment-records",
  indicatorIds: ["PAY-05"],
  category: "PAYMENT",
  severity: "M",
  title: "Earnings records show other jobs at the same time",
  description: "Post-offer earnings or tax records show the identity on other payrolls at the same time. Only counted after an offer.",
  source: ["DOJ"],
  innocentExplanations: ["A legitimate second job or notice period", "Payroll run late by a previous employer"],
  verificationStep: "post-offer-recheck",
  reads: ["offer.extendedAt", "onboarding.postOfferChecks.concurrentEmployment"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts, _config, ctx) {
    const extendedAt = facts.offer?.extendedAt;
    if (!extendedAt || facts.onboarding?.postOfferChecks?.concurrentEmployment !== true || msOf(extendedAt) > ctx.asOfMs) return null;
    return hit("Earnings records show this identity on other payrolls at the same time.", [
      { label: "Offer extended", value: extendedAt.slice(0, 10) },
      { label: "Concurrent employment in earnings records", value: "yes" },
    ]);
  },
});
