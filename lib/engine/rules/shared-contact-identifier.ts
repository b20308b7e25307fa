import { z } from "zod";
import { defineRule, hit } from "../rule";

const WORDS: Record<string, string> = { email: "email address", phone: "phone number", address: "postal address", bank: "bank account", govId: "government ID number" };

export default defineRule({
  id: "shared-contact-identifier",
  indicatorIds: ["LNK-01"],
  category: "LINKAGE",
  severity: "H",
  severityNote: "Graded by what is shared and with how many: H (scheme-specific) for a shared phone, email, bank account or ID number, or a postal address shared with two or more other names; L (weak) for a postal address shared with one other name (households).",
  title: "Same phone, email, address or bank account as applicants with other names",
  description: "An identifier this candidate gave (phone, email, postal address, bank account, ID number) is also on other applicants whose names differ.",
  source: ["PSA25", "MAND24"],
  innocentExplanations: ["Family members or flatmates applying together", "A shared office or co-working address", "Data-entry error"],
  verificationStep: "review-linked-applicants",
  reads: ["linkage.sharedIdentifiers[]"],
  configSchema: z.strictObject({
    kinds: z.array(z.enum(["email", "phone", "address", "bank", "govId"])).min(1),
    /** A postal address is strong evidence from this many other applicants (with other names) on; below, weak. */
    minOthersForStrongAddress: z.number().int().min(1).default(2),
  }),
  defaultConfig: { kinds: ["email", "phone", "address", "bank", "govId"], minOthersForStrongAddress: 2 },
  evaluate(facts, config) {
    const shared = facts.linkage?.sharedIdentifiers;
    if (!shared) return null;
    const evidence = [];
    let strong = false;
    for (const s of shared) {
      if (s.otherNamesDiffer !== true || s.otherCandidateIds.length === 0) continue;
      if (!(config.kinds as readonly string[]).includes(s.kind)) continue;
      const n = s.otherCandidateIds.length;
      const isStrong = s.kind !== "address" || n >= config.minOthersForStrongAddress;
      if (isStrong) strong = true;
      evidence.push({ label: `Same ${WORDS[s.kind]} as`, value: `${n} other applicant(s) with different names${isStrong ? "" : " (weak alone: households share addresses)"}` });
    }
    if (evidence.length === 0) return null;
    if (!strong) return hit("This candidate's postal address is also on one other applicant under another name — common for households.", evidence, "L", { specific: false });
    return hit("This candidate shares contact or payment identifiers with applicants under other names.", evidence, "H", { specific: true });
  },
});
