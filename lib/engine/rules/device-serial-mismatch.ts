import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "device-serial-mismatch",
  indicatorIds: ["EQ-03"],
  category: "EQUIPMENT",
  severity: "M",
  title: "Device serial differs from the one shipped",
  description: "The serial number reported by the device at the onboarding check is not the one IT shipped.",
  source: ["MAND24"],
  innocentExplanations: ["A replacement device shipped without updating the asset record", "A typo in the asset record"],
  verificationStep: "device-inspection",
  reads: ["onboarding.devices[].shippedSerial", "onboarding.devices[].reportedSerial"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const devices = facts.onboarding?.devices;
    if (!devices) return null;
    for (const d of devices) {
      if (d.shippedSerial && d.reportedSerial && d.shippedSerial !== d.reportedSerial && d.shippedSerial.trim().toUpperCase() !== d.reportedSerial.trim().toUpperCase())
        return hit("The device checked in at onboarding is not the one that was shipped.", [
          { label: "Serial shipped", value: d.shippedSerial },
          { label: "Serial reported at onboarding", value: d.reportedSerial },
        ]);
    }
    return null;
  },
});
