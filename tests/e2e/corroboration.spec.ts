// The corroboration model (engine 2, ADR 0008) in the production build: the demo's history (engine-1 default, then
// the shipped default) compared on the rulesets page, and a candidate's page explaining how corroborating signals
// from two categories reached HIGH while one common signal alone stays LOW.
import { createApiKeyThroughUi } from "./api-key-helper";
import { expect, test, uniqueName } from "./fixtures";

test("an admin compares the shipped default with the engine-1 default on the demo candidates", async ({ page, login }) => {
  await login("admin");
  await page.goto("/admin/rulesets");
  await expect(page.getByRole("link", { name: "New draft from the shipped default" })).toBeVisible();
  // The demo seed published the engine-1 default as version 1 and the shipped default as version 2.
  await page.getByTestId("ruleset-version-2").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ruleset version 2");
  await expect(page.getByText(/Corroboration\s*On — bonus 0\.75 per further category/)).toBeVisible();
  const compare = page.getByRole("region", { name: "What this version changed" });
  await compare.getByRole("button", { name: "Compare with version 1" }).click();
  const result = compare.getByTestId("ruleset-preview");
  await expect(result).toContainText(/Compared [\d,]+ candidates with version 2/, { timeout: 30_000 });
  const transitions = compare.getByRole("table", { name: "Band with version 1 (rows) → band with version 2 (columns)" });
  await expect(transitions).toBeVisible();
  // The demo has both kinds: corroborated schemes that rise, and single explainable circumstances that fall back.
  const summary = (await result.locator("p").first().textContent()) ?? "";
  const up = Number(/([\d,]+) moves? to a higher band/.exec(summary)?.[1].replace(/,/g, "") ?? 0);
  const down = Number(/([\d,]+) moves? to a lower band/.exec(summary)?.[1].replace(/,/g, "") ?? 0);
  expect(up, summary).toBeGreaterThan(0);
  expect(down, summary).toBeGreaterThan(0);
  const movers = compare.getByRole("table", { name: /Candidates who change band/ });
  await expect(movers).toBeVisible();
  expect(await movers.locator("tbody tr").count()).toBe(Math.min(50, up + down));
  await expect(movers.getByRole("columnheader", { name: "With version 1" })).toBeVisible();
});

test("two corroborating signals in different categories reach HIGH and the page says why; one common signal alone stays LOW", async ({ page, login, request }) => {
  await login("admin");
  const { key } = await createApiKeyThroughUi(page, { name: uniqueName("corroboration key") });
  const submit = async (name: string, interview: Record<string, unknown>) => {
    const res = await request.post("/api/v1/candidates", {
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      data: { stage: "INTERVIEW", profile: { candidate: { legalName: name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org` }, interviews: [{ round: 1, mode: "video", ...interview }] } },
    });
    expect(res.status()).toBe(201);
    const body = (await res.json()) as {
      candidateId: string;
      assessment: { score: number; band: string; hits: { ruleId: string; category: string; specific?: boolean }[]; corroboration: { signals: number; categories: number; capped: boolean } | null };
    };
    return { candidateId: body.candidateId, ...body.assessment };
  };
  // Deepfake signs (identity) and a failed location check (location): two medium signals of the scheme.
  const both = await submit(uniqueName("Dual Signal"), { handInFrontOfFaceCheck: "failed", surroundingsCheck: "declined" });
  expect(both.hits.map((h) => h.ruleId).sort()).toEqual(["deepfake-signs", "failed-location-check"]);
  expect(both.corroboration).toMatchObject({ signals: 2, categories: 2, capped: false });
  expect(both.band).toBe("HIGH");
  // Only the failed location check: one common signal.
  const one = await submit(uniqueName("Single Signal"), { surroundingsCheck: "declined" });
  expect(one.hits.map((h) => h.ruleId)).toEqual(["failed-location-check"]);
  expect(["CLEAR", "LOW"]).toContain(one.band);

  await page.goto(`/candidates/${both.candidateId}`);
  await expect(page.getByTestId("score-explanation")).toContainText("2 medium or high signals in 2 different categories corroborate each other");
  await expect(page.getByText(`Score ${both.score} (high)`)).toBeVisible();
  await expect(page.getByTestId("hit-deepfake-signs")).toContainText("Needs corroboration");
});
