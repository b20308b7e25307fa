import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "remote-access-tooling",
  indicatorIds: ["EQ-02"],
  category: "EQUIPMENT",
  severity: "H",
  title: "Remote-access tools, IP-KVM or malware on the company device",
  description: "Endpoint tooling found unapproved remote-access software, an IP-KVM device or malware on the company laptop.",
  source: ["PSA24", "MAND24", "MSFT25"],
  innocentExplanations: ["Remote-support software installed by a previous IT team", "A developer's personal remote-access habit"],
  verificationStep: "device-inspection",
  reads: ["onboarding.devices[].remoteAccessTools", "onboarding.devices[].ipKvmDetected", "onboarding.devices[].malwareDetected"],
  configSchema: z.strictObject({ allowedTools: z.array(z.string()) }),
  defaultConfig: { allowedTools: [] },
  evaluate(facts, config) {
    const devices = facts.onboarding?.devices;
    if (!devices) return null;
    const evidence = [];
    for (const d of devices) {
      const name = d.assetTag ?? d.shippedSerial ?? "company device";
      const tools = d.remoteAccessTools && d.remoteAccessTools.length ? d.remoteAccessTools.filter((t) => !config.allowedTools.includes(t)) : [];
      if (tools.length) evidence.push({ label: `${name}: remote-access tools`, value: tools.join(", ") });
      if (d.ipKvmDetected === true) evidence.push({ label: `${name}: IP-KVM device detected`, value: "yes" });
      if (d.malwareDetected === true) evidence.push({ label: `${name}: malware detected`, value: "yes" });
    }
    if (evidence.length === 0) return null;
    return hit("The company device has unapproved remote-access tooling, an IP-KVM or malware.", evidence);
  },
});
