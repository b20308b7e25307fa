import { z } from "zod";
import { defineRule, hit, suppressed } from "../rule";
import { msOf, namesConsistent, normalizeText } from "../text";

const NO_VARIANTS = new Map<string, string>();

/** Words that make a payee an organisation rather than a person. */
const ORGANISATION = new Set(["llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "gmbh", "sarl", "bv", "pty", "plc", "lp", "llp", "consulting", "solutions", "services", "studio", "labs", "lab", "technologies", "tech", "group", "holdings", "partners"]);
const words = (s: string) => normalizeText(s).split(" ").filter(Boolean);
const isOrganisation = (name: string) => words(name).some((w) => ORGANISATION.has(w));
/** The holder shares a family name with the worker (any name word after the first): a joint or family account. */
function sharesFamilyName(worker: string, holder: string): boolean {
  const w = words(worker).slice(1).filter((x) => x.length > 1);
  const h = new Set(words(holder).slice(1));
  return w.some((x) => h.has(x));
}

export default defineRule({
  id: "payee-differs",
  indicatorIds: ["PAY-02"],
  category: "PAYMENT",
  severity: "H",
  severityNote:
    "Specific when pay goes to another individual; common (alone it stays LOW) when the payee is a company — often the worker's own — or an account holder who shares the worker's family name (a joint or family account), or when only the bank details changed.",
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
    const anotherPerson = differing.some((d) => !isOrganisation(d) && !sharesFamilyName(legal!, d));
    if (anotherPerson) return hit("Pay would go to an account held by another person.", evidence, "H", { specific: true });
    return hit(
      differing.length ? "Pay would go to a company account or a family member's account, not one in the worker's own name." : "Bank details changed repeatedly in a short time.",
      evidence,
      "H",
      { specific: false },
    );
  },
});
