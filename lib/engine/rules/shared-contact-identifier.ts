import { z } from "zod";
import { defineRule, hit } from "../rule";

const WORDS: Record<string, string> = { email: "email address", phone: "phone number", address: "postal address", bank: "bank account", govId: "government ID number" };

export default defineRule({
  id: "shared-contact-identifier",
  indicatorIds: ["LNK-01"],
  category: "LINKAGE",
  severity: "H",
  title: "Same phone, email, address or bank account as applicants with other names",
  description: "An identifier this candidate gave (phone, email, postal address, bank account, ID number) is also on other applicants whose names differ.",
  source: ["PSA25", "MAND24"],
  innocentExplanations: ["Family members or flatmates applying together", "A shared office or co-working address", "Data-entry error"],
  verificationStep: "review-linked-applicants",
  reads: ["linkage.sharedIdentifiers[]"],
  configSchema: z.strictObject({ kinds: z.array(z.enum(["email", "phone", "address", "bank", "govId"])).min(1) }),
  defaultConfig: { kinds: ["email", "phone", "address", "bank", "govId"] },
  evaluate(facts, config) {
    const shared = facts.linkage?.sharedIdentifiers;
    if (!shared) return null;
    const evidence = [];
    for (const s of shared) {
      if (s.otherNamesDiffer !== true || s.otherCandidateIds.length === 0) continue;
      if (!(config.kinds as readonly string[]).includes(s.kind)) continue;
      evidence.push({ label: `Same ${WORDS[s.kind]} as`, value: `${s.otherCandidateIds.length} other applicant(s) with different names` });
    }
    if (evidence.length === 0) return null;
    return hit("This candidate shares contact or payment identifiers with applicants under other names.", evidence);
  },
});
