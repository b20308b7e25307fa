import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "shared-ship-to",
  indicatorIds: ["LNK-02"],
  category: "LINKAGE",
  severity: "H",
  severityNote: "H (scheme-specific) for a known laptop-farm address or devices for two or more other workers; M (common) for one other worker (couples, flatmates).",
  title: "Several company devices shipped to one address, or a known laptop farm",
  description: "The equipment ship-to address has also received devices for other workers, or is a known laptop-farm address.",
  source: ["DOJ"],
  innocentExplanations: ["Couples or flatmates working for the same employer", "A shared office or co-working space"],
  verificationStep: "confirm-ship-to",
  reads: ["linkage.sharedShipTo"],
  configSchema: z.strictObject({
    minOtherCandidates: z.number().int().min(1),
    /** From this many other workers on, the shared ship-to is strong (H) evidence. */
    minOthersForHigh: z.number().int().min(1).default(2),
  }),
  defaultConfig: { minOtherCandidates: 1, minOthersForHigh: 2 },
  evaluate(facts, config) {
    const s = facts.linkage?.sharedShipTo;
    if (!s) return null;
    const others = s.otherCandidateCount ?? 0;
    if (s.knownLaptopFarm !== true && others < config.minOtherCandidates) return null;
    const strong = s.knownLaptopFarm === true || others >= config.minOthersForHigh;
    return hit(s.knownLaptopFarm === true ? "The ship-to address is a known laptop-farm address." : `The ship-to address also receives devices for ${others} other worker(s).`, [
      { label: "Other workers at this ship-to address", value: String(others) },
      ...(s.knownLaptopFarm === true ? [{ label: "Known laptop-farm address", value: "yes" }] : []),
    ], strong ? "H" : "M", { specific: strong });
  },
});
