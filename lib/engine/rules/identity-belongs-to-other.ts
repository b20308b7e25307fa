import { z } from "zod";
import { defineRule, hit } from "../rule";
import { msOf } from "../text";

export default defineRule({
  id: "identity-belongs-to-other",
  indicatorIds: ["ID-04"],
  category: "IDENTITY",
  severity: "H",
  title: "Post-offer checks say the identity belongs to someone else",
  description: "After an offer, the SSN trace did not match or E-Verify returned a final nonconfirmation. Only counted after the offer stage; a tentative nonconfirmation alone is never scored (the worker may contest it).",
  source: ["DOJ"],
  innocentExplanations: ["A clerical error in the SSN or name entered", "A recent name change not yet reflected in SSA records"],
  verificationStep: "post-offer-recheck",
  reads: ["offer.extendedAt", "onboarding.postOfferChecks.ssnTrace", "onboarding.postOfferChecks.eVerify"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts, _config, ctx) {
    const extendedAt = facts.offer?.extendedAt;
    const checks = facts.onboarding?.postOfferChecks;
    // Design rule 5: post-offer checks only exist after an offer.
    if (!extendedAt || !checks) return null;
    const ssn = checks.ssnTrace === "mismatch";
    const fnc = checks.eVerify === "final_nonconfirmation";
    if ((!ssn && !fnc) || msOf(extendedAt) > ctx.asOfMs) return null;
    const evidence = [];
    if (ssn) evidence.push({ label: "SSN trace", value: "does not match the candidate" });
    if (fnc) evidence.push({ label: "E-Verify", value: "final nonconfirmation" });
    return hit("Post-offer checks indicate the identity used belongs to someone else.", [{ label: "Offer extended", value: extendedAt.slice(0, 10) }, ...evidence]);
  },
});
