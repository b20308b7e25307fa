import { z } from "zod";
import { defineRule, hit } from "../rule";
import { formatAddress, sameAddress } from "../text";

export default defineRule({
  id: "ship-to-differs-from-home",
  indicatorIds: ["EQ-01"],
  category: "EQUIPMENT",
  severity: "H",
  severityNote: "H (scheme-specific) for a freight forwarder; M (common) when the address only differs from the home address — relocation and family addresses are common, so alone it stays LOW.",
  title: "Laptop ship-to address differs from the home address",
  description: "The company equipment is to be shipped somewhere other than the home address on the identity document / I-9, or to a freight forwarder.",
  source: ["NYDFS24", "PSA24", "BfV24"],
  innocentExplanations: ["Temporarily staying with family or moving house", "A safe parcel locker or office address"],
  verificationStep: "confirm-ship-to",
  reads: ["onboarding.equipment.shipTo", "onboarding.equipment.shipToReason", "candidate.homeAddress"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const shipTo = facts.onboarding?.equipment?.shipTo;
    if (!shipTo) return null;
    const home = facts.candidate?.homeAddress;
    const evidence = [];
    if (shipTo.isFreightForwarder === true) evidence.push({ label: "Ship-to is a freight forwarder", value: "yes" });
    if (home && sameAddress(shipTo, home) === false) {
      evidence.push({ label: "Home address (ID / I-9)", value: formatAddress(home) });
      evidence.push({ label: "Ship-to address", value: formatAddress(shipTo) });
    }
    if (evidence.length === 0) return null;
    // The stated reason is context for the reviewer, not a finding: it never switches the rule off by itself (anyone
    // can type a reason); a reviewer who checks it can accept it as an explanation, which suppresses this hit.
    const reason = facts.onboarding?.equipment?.shipToReason;
    if (reason) evidence.push({ label: "Reason given for this address", value: reason, context: true as const });
    const given = reason ? " A reason was given; a reviewer can check and accept it." : "";
    if (shipTo.isFreightForwarder === true) return hit(`The laptop is to be shipped to a freight forwarder.${given}`, evidence, "H", { specific: true });
    return hit(`The laptop is to be shipped to an address other than the worker's home.${given}`, evidence, "M", { specific: false });
  },
});
