import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "staffing-agency-risk",
  indicatorIds: ["WH-10"],
  category: "WORK_HISTORY",
  severity: "M",
  title: "Staffing agency blocks direct verification or is linked to facilitators",
  description: "The candidate was placed by a staffing agency that will not let the employer verify the worker's identity directly, or that has been linked to facilitators.",
  source: ["PSA24", "PSA25"],
  innocentExplanations: ["Agency policy against client contact before contract signature", "A mistaken link to a similarly named firm"],
  verificationStep: "agency-direct-verification",
  reads: ["sourcing.channel", "sourcing.agency"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const s = facts.sourcing;
    if (!s || s.channel !== "staffing_agency" || !s.agency) return null;
    const a = s.agency;
    const evidence = [];
    if (a.allowsDirectVerification === false) evidence.push({ label: "Agency allows direct identity verification", value: "no" });
    if (a.linkedToFacilitator === true) evidence.push({ label: "Agency linked to known facilitators", value: "yes" });
    if (evidence.length === 0) return null;
    return hit(`The staffing agency${a.name ? ` ${a.name}` : ""} ${a.linkedToFacilitator === true ? "is linked to facilitators" : "will not allow direct identity verification"}.`, [
      ...(a.name ? [{ label: "Agency", value: a.name }] : []),
      ...evidence,
    ]);
  },
});
