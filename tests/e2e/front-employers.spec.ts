// LNK-06 against the production build: two applicants name a former employer whose employment check failed; a
// third applicant naming the same employer (its own check still pending) is flagged for the recurring front
// employer — all through the public API, as an ATS would send them.
import { createApiKeyAsAdmin, NO_KEEP_ALIVE } from "./screening-paths";
import { expect, test, uniqueName } from "./fixtures";

test("a former employer that earlier applicants' checks could not confirm flags the next applicant naming it (LNK-06)", async ({ browser, request, baseURL }) => {
  const key = await createApiKeyAsAdmin(browser, baseURL!, uniqueName("lnk06"));
  const headers = { authorization: `Bearer ${key}`, ...NO_KEEP_ALIVE };
  const tag = Date.now().toString(36);
  const employer = `Nexora ${tag} Softworks`;
  const submit = async (name: string, employerName: string, outcome: "unverifiable" | "contradicted" | "pending") => {
    const res = await request.post("/api/v1/candidates", {
      headers,
      data: {
        stage: "APPLICATION",
        profile: {
          candidate: { legalName: `${name} ${tag}`, email: `${name.toLowerCase()}.${tag}@example.com`, claimedLocation: { country: "US" } },
          workHistory: [{ employerName, verification: { method: "independent_contact", outcome } }],
        },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { assessment: { hits: { ruleId: string; evidence: { label: string; value: string }[] }[] } };
  };

  const first = await submit("Owen", `${employer} LLC`, "unverifiable");
  expect(first.assessment.hits.map((h) => h.ruleId)).not.toContain("recurring-front-employers");
  await submit("Paula", `${employer.toUpperCase()}, L.L.C.`, "contradicted");
  const third = await submit("Quinn", employer, "pending");
  const hit = third.assessment.hits.find((h) => h.ruleId === "recurring-front-employers");
  expect(hit, JSON.stringify(third.assessment.hits.map((h) => h.ruleId))).toBeDefined();
  expect(hit!.evidence).toContainEqual({ label: "Checks of that employer", value: "2 other applicants' failed" });
});
