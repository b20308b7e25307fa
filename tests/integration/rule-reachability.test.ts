// Every enabled rule of the default ruleset can fire through the real submit path: each rule's profile from
// reachability-profiles.ts goes through POST /api/v1/candidates (the route handler itself, with an API key: the same
// zod parsing of the body and the same use case as an ATS call), after its earlier applicants, and the screening
// must carry a hit of that rule. The list of rules comes from the default ruleset, so a new rule without a profile
// fails here — a rule only unit tests can reach is a silent hole in the coverage table.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as submitRoute } from "@/app/api/v1/candidates/route";
import { defaultRuleset } from "@/lib/engine";
import { apiSubmitResponseSchema } from "@/lib/schemas/api";
import type { CandidateSubmissionInput } from "@/lib/schemas/profile";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import type { Actor } from "@/lib/server/auth/authorization";
import { importSanctionsList } from "@/lib/server/sanctions/import-sanctions-list";
import { createTestUser } from "../support/factories";
import { REACHABILITY_PROFILES } from "./reachability-profiles";

const OFAC = path.join(import.meta.dirname, "../fixtures/ofac");
const ENABLED_RULES = Object.entries(defaultRuleset.config.rules)
  .filter(([, settings]) => settings.enabled)
  .map(([id]) => id)
  .sort();

let admin: Actor;
let apiKey: string;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  apiKey = (await createApiKey({ actor: admin, input: { name: "reachability", role: "RECRUITER" } })).key;
  // PAY-04 needs an active sanctions list: the fixture list with one title changed, so its content differs from the
  // list sanctions.test.ts imports (whichever file runs first, each import is a new version, never "unchanged").
  const file = (name: string) => ({ name, content: readFileSync(path.join(OFAC, name), "utf8") });
  const sdn = file("sdn.csv");
  const variant = { ...sdn, content: sdn.content.replace('"individual","DPRK3","Chief Executive Officer"', '"individual","DPRK3","Director"') };
  expect(variant.content).not.toBe(sdn.content);
  const imported = await importSanctionsList({ actor: admin, files: [variant, file("alt.csv"), file("add.csv")], publishedAt: new Date("2025-11-05T00:00:00Z") });
  expect(imported.status).not.toBe("unchanged");
});

async function submit(body: CandidateSubmissionInput) {
  const response = await submitRoute(
    new Request("http://localhost/api/v1/candidates", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, "user-agent": "vitest reachability" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(201);
  return apiSubmitResponseSchema.parse(json);
}

describe("every enabled rule of the default ruleset is reachable through the API", () => {
  it("has a profile for every enabled rule, and none for a rule that does not exist", () => {
    expect(ENABLED_RULES.length).toBeGreaterThan(40);
    expect(ENABLED_RULES.filter((id) => !REACHABILITY_PROFILES[id])).toEqual([]);
    expect(Object.keys(REACHABILITY_PROFILES).filter((id) => !(id in defaultRuleset.config.rules))).toEqual([]);
  });

  it.each(ENABLED_RULES)("%s fires", async (ruleId) => {
    const reach = REACHABILITY_PROFILES[ruleId];
    expect(reach, `no reachability profile for "${ruleId}" in tests/integration/reachability-profiles.ts`).toBeDefined();
    for (const prior of reach.priorApplicants ?? []) await submit(prior);
    const { assessment } = await submit(reach.submission);
    const fired = assessment.hits.map((h) => h.ruleId);
    expect(fired, `hits: ${fired.join(", ") || "none"}`).toContain(ruleId);
  });
});
