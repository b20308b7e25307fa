import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "post-hire-exfiltration",
  indicatorIds: ["COM-05"],
  category: "COMMUNICATION",
  severity: "H",
  title: "Post-hire code exfiltration, session reuse or extortion",
  description: "After hire, security saw company code pushed to personal accounts, sessions reused from unknown devices, or an extortion attempt.",
  source: ["PSA25"],
  innocentExplanations: ["A developer backing up work against policy", "A misconfigured Git remote"],
  verificationStep: "security-incident-response",
  reads: ["postHire"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const p = facts.postHire;
    if (!p) return null;
    const evidence = [];
    if (p.codeToPersonalAccounts === true) evidence.push({ label: "Company code copied to personal accounts", value: "yes" });
    if (p.sessionReuseFromUnknownDevices === true) evidence.push({ label: "Sessions reused from unknown devices", value: "yes" });
    if (p.extortionAttempt === true) evidence.push({ label: "Extortion attempt", value: "yes" });
    if (evidence.length === 0) return null;
    return hit("Security recorded data exfiltration, session reuse or extortion after hire.", evidence);
  },
});
