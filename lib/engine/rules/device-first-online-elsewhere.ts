import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "device-first-online-elsewhere",
  indicatorIds: ["LOC-06"],
  category: "LOCATION",
  severity: "H",
  title: "Company device first came online in another country",
  description: "The company laptop's first connection came from a country other than the role location (VPN connections excluded), suggesting it was forwarded.",
  source: ["GTIG25", "NYDFS24"],
  innocentExplanations: ["The worker started while travelling, with the employer's agreement"],
  verificationStep: "device-inspection",
  reads: ["role.country", "onboarding.devices[].firstOnlineCountry", "onboarding.devices[].firstOnlineViaVpn"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const roleCountry = facts.role?.country;
    const devices = facts.onboarding?.devices;
    if (!roleCountry || !devices) return null;
    for (const d of devices) {
      if (d.firstOnlineCountry && d.firstOnlineCountry !== roleCountry && d.firstOnlineViaVpn !== true) {
        return hit(`The company device ${d.assetTag ?? d.shippedSerial ?? ""} first came online in ${d.firstOnlineCountry}; the role is in ${roleCountry}.`.replace("  ", " "), [
          { label: "Role location", value: roleCountry },
          { label: "Country of first connection", value: d.firstOnlineCountry },
          ...(d.firstOnlineAt ? [{ label: "First online", value: d.firstOnlineAt }] : []),
        ]);
      }
    }
    return null;
  },
});
