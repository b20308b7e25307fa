import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "identity-document-anomaly",
  indicatorIds: ["ID-01"],
  category: "IDENTITY",
  severity: "H",
  title: "Identity document check failed",
  description: "The document-verification vendor or a reviewer found the identity document altered, forged or inconsistent (misspellings, replaced photo, forged licence, SSN card or diploma).",
  source: ["PSA25", "ADV22", "MSFT25"],
  innocentExplanations: ["A damaged or poorly photographed document", "A vendor false positive on a valid but unusual document format"],
  verificationStep: "alternative-identity-proofing",
  reads: ["onboarding.identityProofing.documentCheck"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const check = facts.onboarding?.identityProofing?.documentCheck;
    if (!check || check.result !== "failed") return null;
    const anomalies = check.anomalies ?? [];
    return hit(`The identity document check failed${anomalies.length ? `: ${anomalies.join("; ")}` : ""}.`, [
      { label: "Document check result", value: "failed" },
      { label: "Checked by", value: check.checkedBy ?? "not recorded" },
      ...(anomalies.length ? [{ label: "Anomalies found", value: anomalies.join("; ") }] : []),
    ]);
  },
});
