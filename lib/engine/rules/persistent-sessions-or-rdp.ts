import { z } from "zod";
import { defineRule, hit } from "../rule";
import { msOf } from "../text";

export default defineRule({
  id: "persistent-sessions-or-rdp",
  indicatorIds: ["LOC-03"],
  category: "LOCATION",
  severity: "M",
  title: "Day-long sessions or remote-desktop use",
  description: "A session stayed continuously logged in for a day or more, or remote-desktop (RDP, port 3389) traffic was observed — the pattern of someone operating a machine remotely.",
  source: ["ADV22"],
  innocentExplanations: ["Never logging out of a personal machine", "Legitimate remote access to a home lab"],
  verificationStep: "device-inspection",
  reads: ["activity.sessions[]", "activity.remoteDesktopObserved"],
  configSchema: z.strictObject({ maxSessionHours: z.number().positive() }),
  defaultConfig: { maxSessionHours: 24 },
  evaluate(facts, config, ctx) {
    const a = facts.activity;
    if (!a) return null;
    const evidence = [];
    if (a.sessions) {
      let longest = 0;
      const sameDayIsShort = config.maxSessionHours >= 24;
      for (const s of a.sessions) {
        const e = s.endedAt;
        // Both in UTC on the same calendar day: shorter than 24 h, no need to parse.
        if (sameDayIsShort && e && e.charCodeAt(e.length - 1) === 90 && s.startedAt.charCodeAt(s.startedAt.length - 1) === 90 && e.startsWith(s.startedAt.slice(0, 10))) continue;
        const end = e ? msOf(e) : ctx.asOfMs;
        const h = (end - msOf(s.startedAt)) / 3_600_000;
        if (h > longest) longest = h;
      }
      if (longest >= config.maxSessionHours) evidence.push({ label: "Longest continuous session", value: `${Math.round(longest)} hours` });
    }
    if (a.remoteDesktopObserved === true) evidence.push({ label: "Remote-desktop (RDP) use observed", value: "yes" });
    if (evidence.length === 0) return null;
    return hit("Sessions stayed logged in for a day or more, or remote-desktop use was seen.", evidence);
  },
});
