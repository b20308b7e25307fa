import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "money-transfer-onward",
  indicatorIds: ["PAY-03"],
  category: "PAYMENT",
  severity: "M",
  title: "Pay routed through a transfer platform to a third country",
  description: "Pay goes through a money-transfer platform and onward to an account in a country that is neither the worker's claimed country nor the role's country.",
  source: ["ADV22", "GTIG25"],
  innocentExplanations: ["Supporting family abroad", "Holding savings in another currency"],
  verificationStep: "verify-payee",
  reads: ["onboarding.payment.viaMoneyTransferPlatform", "onboarding.payment.onwardCountry", "candidate.claimedLocation.country", "role.country"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const p = facts.onboarding?.payment;
    if (!p || p.viaMoneyTransferPlatform !== true || !p.onwardCountry) return null;
    const claimed = facts.candidate?.claimedLocation?.country;
    const roleCountry = facts.role?.country;
    if (!claimed && !roleCountry) return null;
    if (p.onwardCountry === claimed || p.onwardCountry === roleCountry) return null;
    return hit(`Pay is routed through a money-transfer platform onward to ${p.onwardCountry}.`, [
      { label: "Via money-transfer platform", value: "yes" },
      { label: "Onward country", value: p.onwardCountry },
      { label: "Claimed country", value: claimed ?? "not recorded" },
    ]);
  },
});
