import { z } from "zod";
import { defineRule, hit } from "../rule";
import { memoByConfig, normalizeText, textKey } from "../text";

const configSchema = z.strictObject({
  /** Technology → year of its first public release. */
  releaseYears: z.record(z.string().min(1), z.number().int().min(1950).max(2100)),
  graceYears: z.number().int().min(0),
});
const byKey = memoByConfig((c: z.infer<typeof configSchema>) => new Map(Object.entries(c.releaseYears).map(([k, v]) => [normalizeText(k), { name: k, year: v }])));

export default defineRule({
  id: "technology-before-it-existed",
  indicatorIds: ["WH-07"],
  category: "WORK_HISTORY",
  severity: "M",
  title: "Experience with a technology before it existed",
  description: "The candidate claims to have first used a technology before its first public release (with a grace year for betas and early access).",
  source: ["DTEX"],
  innocentExplanations: ["Early-access or internal use at the company that built it", "Counting a predecessor technology", "A typo in the year"],
  verificationStep: "proctored-technical-test",
  reads: ["skills[].name", "skills[].firstUsedYear"],
  configSchema,
  defaultConfig: {
    releaseYears: {
      Kubernetes: 2014,
      Docker: 2013,
      Rust: 2015,
      Go: 2009,
      Swift: 2014,
      Kotlin: 2011,
      TypeScript: 2012,
      React: 2013,
      "React Native": 2015,
      "Vue.js": 2014,
      Angular: 2016,
      "Next.js": 2016,
      Flutter: 2017,
      Dart: 2011,
      "Node.js": 2009,
      Deno: 2020,
      Bun: 2022,
      Terraform: 2014,
      GraphQL: 2015,
      Solidity: 2014,
      Ethereum: 2015,
      TensorFlow: 2015,
      PyTorch: 2016,
      "Spring Boot": 2014,
      Svelte: 2016,
      "Tailwind CSS": 2017,
      Elixir: 2012,
      "ChatGPT API": 2023,
      LangChain: 2022,
    },
    graceYears: 1,
  },
  evaluate(facts, config) {
    const skills = facts.skills;
    if (!skills || skills.length === 0) return null;
    const known = byKey(config);
    const evidence = [];
    for (const s of skills) {
      if (s.firstUsedYear == null) continue;
      const t = known.get(textKey(s.name));
      if (t && s.firstUsedYear < t.year - config.graceYears)
        evidence.push({ label: `${t.name}: first used`, value: `${s.firstUsedYear}, but it was first released in ${t.year}` });
    }
    if (evidence.length === 0) return null;
    return hit("The candidate claims experience with a technology from before it existed.", evidence);
  },
});
