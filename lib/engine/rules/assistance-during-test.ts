import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "assistance-during-test",
  indicatorIds: ["WH-06"],
  category: "WORK_HISTORY",
  severity: "L",
  title: "Signs of outside help during a technical test",
  description: "An interviewer noted long pauses, reading from another screen, or plausible-but-wrong answers during a technical test.",
  source: ["PSA23", "BfV24"],
  innocentExplanations: ["Nerves, or thinking before speaking", "Taking notes", "A slow connection"],
  verificationStep: "proctored-technical-test",
  reads: ["interviews[].assistanceSigns"],
  configSchema: z.strictObject({}),
  defaultConfig: {},
  evaluate(facts) {
    const interviews = facts.interviews;
    if (!interviews) return null;
    let rounds: number[] | null = null;
    for (const i of interviews) if (i.assistanceSigns === true) (rounds ??= []).push(i.round);
    if (rounds === null) return null;
    return hit(`Interviewers saw signs of outside help in round ${rounds.join(", ")}.`, [{ label: "Rounds with signs of assistance", value: rounds.join(", ") }]);
  },
});
