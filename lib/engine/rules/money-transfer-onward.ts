import { z } from "zod";
import type { Evidence } from "../rule";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "money-transfer-onward",
  indicatorIds: ["PAY-03"],
  category: "PAYMENT",
  severity: "M",
  title: "Pay routed to an account in a third country",
  description:
    "Pay goes through a money-transfer platform and onward to an account in a country that is neither the worker's claimed country nor the role's country, or the payout account itself is held in such a third country.",
  source: ["ADV22", "GTIG25"],
  innocentExplanations: [
    "Supporting family abroad",
    "Holding savings in another currency",
    "Keeping a home-country account after relocating",
    "An online or multi-currency bank whose accounts are registered in another country",
  ],
  verificationStep: "verify-payee",
  reads: [
    "onboarding.payment.viaMoneyTransferPlatform",
    "onboarding.payment.onwardCountry",
    "onboarding.payment.accountCountry",
    "candidate.claimedLocation.country",
    "role.country",
  ],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const p = facts.onboarding?.payment;
    if (!p) return null;
    const claimed = facts.candidate?.claimedLocation?.country;
    const roleCountry = facts.role?.country;
    // Without a claimed or role country there is nothing the account's country could be foreign to.
    if (!claimed && !roleCountry) return null;
    const thirdCountry = (c: string | null | undefined): c is string => Boolean(c) && c !== claimed && c !== roleCountry;
    const onward = p.viaMoneyTransferPlatform === true && thirdCountry(p.onwardCountry) ? p.onwardCountry : null;
    const account = thirdCountry(p.accountCountry) ? p.accountCountry : null;
    if (!onward && !account) return null;
    const evidence: Evidence[] = [];
    if (onward) evidence.push({ label: "Via money-transfer platform", value: "yes" }, { label: "Onward country", value: onward });
    if (account) evidence.push({ label: "Payout account held in", value: account });
    evidence.push({ label: "Claimed country", value: claimed ?? "not recorded" });
    if (roleCountry) evidence.push({ label: "Role country", value: roleCountry });
    return hit(
      onward ? `Pay is routed through a money-transfer platform onward to ${onward}.` : `Pay would go to an account held in ${account}, neither the claimed country nor the role's country.`,
      evidence,
    );
  },
});
