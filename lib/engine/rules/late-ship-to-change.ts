import { z } from "zod";
import { defineRule, hit } from "../rule";
import { formatAddress, msOf, sameAddress } from "../text";

export default defineRule({
  id: "late-ship-to-change",
  indicatorIds: ["EQ-01"],
  category: "EQUIPMENT",
  severity: "M",
  title: "Last-minute change of the equipment ship-to address",
  description: "The ship-to address changed within a few days of shipping (or of the start date when no ship date is known) to an address other than the home address. Medium because the change alone has innocent causes; the resulting address is also checked by ship-to-differs-from-home.",
  source: ["NYDFS24", "PSA24", "BfV24"],
  innocentExplanations: ["A last-minute move or travel", "A delivery problem at the first address"],
  verificationStep: "confirm-ship-to",
  reads: ["onboarding.equipment.shipToChanges", "onboarding.equipment.shippedAt", "offer.startDate", "candidate.homeAddress"],
  configSchema: z.strictObject({ withinDays: z.number().min(0) }),
  defaultConfig: { withinDays: 3 },
  evaluate(facts, config) {
    const eq = facts.onboarding?.equipment;
    const changes = eq?.shipToChanges;
    if (!changes || changes.length === 0) return null;
    const refIso = eq.shippedAt ?? facts.offer?.startDate;
    if (!refIso) return null;
    const ref = msOf(refIso);
    const window = config.withinDays * 86_400_000;
    const home = facts.candidate?.homeAddress;
    for (const c of changes) {
      // A late change *to* the worker's own home address (the one on the ID / I-9) is not the pattern.
      if (c.to && home && sameAddress(c.to, home) === true) continue;
      const before = ref - msOf(c.at);
      if (before >= 0 && before <= window) {
        return hit(`The ship-to address was changed ${Math.round(before / 86_400_000)} day(s) before ${eq.shippedAt ? "shipping" : "the start date"}.`, [
          { label: "Address changed at", value: c.at },
          { label: eq.shippedAt ? "Shipped at" : "Start date", value: refIso },
          ...(c.to ? [{ label: "New address", value: formatAddress(c.to) }] : []),
        ]);
      }
    }
    return null;
  },
});
