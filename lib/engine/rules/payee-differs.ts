import { z } from "zod";
import { defineRule, hit, suppressed } from "../rule";
import { msOf, namesConsistent } from "../text";

const NO_VARIANTS = new Map<string, string>();

export default defineRule({
  id: "payee-differs",
  indicatorIds: ["PAY-02"],
  category: "PAYMENT",
  severity: "H",
  // A joint account or the worker's own company are common: alone this stays LOW; with another signal it weighs H.
  specificity: "common",
  title: "Payee differs from the worker, or frequent bank-detail changes",
  description: "The payee or bank-account holder is not the worker, or bank details changed several times in a short period. A payee matching a documented previous name is not counted.",
  source: ["JP24", "PSA25", "DOJ"],
  innocentExplanations: ["A joint account under a spouse's name", "Paying into a one-person company the worker owns", "Changing banks after moving"],
  verificationStep: "verify-payee",
  reads: ["candidate.legalName", "candidate.nameChange", "onboarding.payment.payeeName", "onboarding.payment.accountHolderName", "onboarding.payment.bankDetailChanges"],
  configSchema: z.strictObject({ maxBankChanges: z.number().int().min(1), windowDays: z.number().int().min(1) }),
  defaultConfig: { maxBankChanges: 2, windowDays: 90 },
  evaluate(facts, config, ctx) {
    const p = facts.onboarding?.payment;
    if (!p) return null;
    const legal = facts.candidate?.legalName;
    const evidence = [];
    const differing: string[] = [];
    if (legal) {
      if (p.payeeName && !namesConsistent(legal, p.payeeName, NO_VARIANTS)) differing.push(p.payeeName);
      if (p.accountHolderName && p.accountHolderName !== p.payeeName && !namesConsistent(legal, p.accountHolderName, NO_VARIANTS)) differing.push(p.accountHolderName);
    }
    if (differing.length) {
      evidence.push({ label: "Worker's legal name", value: legal! });
      for (const d of differing) evidence.push({ label: "Payee / account holder", value: d });
    }
    let recent = 0;
    if (p.bankDetailChanges && p.bankDetailChanges.length > config.maxBankChanges) {
      const since = ctx.asOfMs - config.windowDays * 86_400_000;
      for (const c of p.bankDetailChanges) if (msOf(c) >= since) recent++;
      if (recent > config.maxBankChanges) evidence.push({ label: `Bank-detail changes in the last ${config.windowDays} days`, value: String(recent) });
      else recent = 0;
    }
    if (evidence.length === 0) return null;
    const change = facts.candidate?.nameChange;
    if (recent === 0 && change?.documented === true && differing.every((d) => change.previousNames.some((n) => namesConsistent(n, d, NO_VARIANTS))))
      return suppressed("The payee name is a documented previous name of the worker.", evidence);
    return hit(differing.length ? "Pay would go to an account held by someone other than the worker." : "Bank details changed repeatedly in a short time.", evidence);
  },
});
