import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "crypto-payment-request",
  indicatorIds: ["PAY-01"],
  category: "PAYMENT",
  severity: "H",
  severityNote: "M for a contractor at a crypto-sector company, where crypto pay is common.",
  title: "Asks to be paid only in cryptocurrency",
  description: "The candidate asked to be paid in cryptocurrency and in no conventional way. For contractors of crypto-sector companies this is common practice and counts as medium; a request that includes a conventional method does not fire.",
  source: ["ADV22", "BfV24"],
  innocentExplanations: ["Crypto-sector norms for contractors", "Living where banking is hard to access"],
  verificationStep: "confirm-payment-method",
  reads: ["onboarding.payment.requestedMethods", "role.engagement", "role.cryptoSector"],
  configSchema: z.strictObject({ cryptoOnly: z.boolean() }),
  defaultConfig: { cryptoOnly: true },
  evaluate(facts, config) {
    const methods = facts.onboarding?.payment?.requestedMethods;
    if (!methods || !methods.includes("crypto")) return null;
    if (config.cryptoOnly && methods.some((m) => m !== "crypto")) return null;
    const role = facts.role;
    const cryptoContractor = role?.engagement === "contractor" && role.cryptoSector === true;
    return hit(
      cryptoContractor
        ? "The contractor asked to be paid only in cryptocurrency (common in the crypto sector, so medium)."
        : "The candidate asked to be paid only in cryptocurrency.",
      [
        { label: "Requested payment methods", value: methods.join(", ") },
        { label: "Engagement", value: role?.engagement ?? "not recorded" },
        { label: "Crypto-sector company", value: role?.cryptoSector == null ? "not recorded" : role.cryptoSector ? "yes" : "no" },
      ],
      cryptoContractor ? "M" : undefined,
    );
  },
});
