import { expect, signIn, test, uniqueName } from "./fixtures";

/** The score shown beside the flags of the latest screening ("Score 48 (elevated) · ruleset v1 …"). */
async function shownScore(page: import("@playwright/test").Page): Promise<number> {
  const text = await page.getByText(/^Score \d+ \(/).first().textContent();
  return Number(/^Score (\d+)/.exec(text ?? "")?.[1]);
}

test("a recruiter explains a ship-to flag, a security analyst accepts it, and the next screening suppresses it with who, when and why", async ({ page, login, browser, baseURL }) => {
  await login("recruiter");
  const name = uniqueName("Robin Relocating");
  // The candidate arrives through the API (session caller): home in Columbus, laptop to the parents' address in Dayton,
  // pay to an account held in a third country (a second, unrelated flag that stays).
  const res = await page.request.post("/api/v1/candidates", {
    headers: { origin: baseURL! },
    data: {
      stage: "ONBOARDING",
      profile: {
        candidate: {
          legalName: name,
          email: `robin.${Date.now()}@example.org`,
          claimedLocation: { city: "Columbus", region: "OH", country: "US" },
          homeAddress: { line1: "1200 Oak Street", city: "Columbus", region: "OH", postalCode: "43215", country: "US" },
        },
        role: { country: "US" },
        onboarding: {
          equipment: { shipTo: { line1: "9 Elm Road", city: "Dayton", region: "OH", postalCode: "45402", country: "US" } },
          payment: { accountCountry: "AE" },
        },
      },
    },
  });
  expect(res.status()).toBe(201);
  const { candidateId } = (await res.json()) as { candidateId: string };

  // The recruiter records the candidate's stated reason on the onboarding form: it shows beside the flag, which still counts.
  await page.goto(`/candidates/${candidateId}/evidence/onboarding`);
  await page.getByRole("group", { name: "Equipment" }).getByLabel("Reason given for shipping elsewhere").fill("Staying with my parents until the move on 1 March");
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  const shipHit = page.getByTestId("hit-ship-to-differs-from-home");
  await expect(shipHit).toContainText("Staying with my parents until the move on 1 March");
  await expect(page.getByTestId("hit-money-transfer-onward")).toContainText("Payout account held in");
  const before = await shownScore(page);

  // … and explains the flag with a reference to the evidence.
  const explain = page.getByRole("form", { name: "Explain a flag" });
  await explain.getByLabel("Flag").selectOption("ship-to-differs-from-home");
  await explain.getByLabel("Explanation").fill("Relocating from Dayton; lease for the Columbus flat starts 1 March.");
  await explain.getByLabel("Evidence reference").fill("HR ticket 4411 (lease copy)");
  await explain.getByRole("button", { name: "Record explanation" }).click();
  await expect(explain.getByRole("status")).toContainText("Explanation recorded");
  const item = page.getByTestId("explanation-ship-to-differs-from-home");
  await expect(item).toContainText("Waiting for review");
  // A recruiter cannot review it.
  await expect(item.getByRole("form", { name: "Review this explanation" })).toHaveCount(0);
  await expect(shipHit).toBeVisible();

  // A security analyst accepts it, saying why; the candidate is screened again at once.
  const context = await browser.newContext({ baseURL });
  const analyst = await context.newPage();
  await signIn(analyst, "security");
  await analyst.goto(`/candidates/${candidateId}`);
  const review = analyst.getByTestId("explanation-ship-to-differs-from-home").getByRole("form", { name: "Review this explanation" });
  await review.getByLabel("Accept: the flag no longer counts for this finding").check();
  await review.getByLabel("Why").fill("Lease and mover's invoice checked.");
  await review.getByRole("button", { name: "Record review" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Explanation accepted" })).toContainText("screened again");
  await expect(analyst.getByTestId("suppressed-ship-to-differs-from-home")).toContainText("Explanation accepted by Sam Security");

  // The recruiter's next look: the flag is not scored, and the page says who explained and accepted it, when and why.
  await page.reload();
  await expect(page.getByTestId("hit-ship-to-differs-from-home")).toHaveCount(0);
  await expect(page.getByTestId("hit-money-transfer-onward")).toBeVisible();
  const suppressed = page.getByTestId("suppressed-ship-to-differs-from-home");
  await expect(suppressed).toContainText("Explanation accepted by Sam Security on");
  await expect(suppressed).toContainText("Lease and mover's invoice checked.");
  await expect(suppressed).toContainText("Explained by Riley Recruiter");
  await expect(suppressed).toContainText("HR ticket 4411");
  await expect(suppressed).toContainText(/Accepted by Sam Security on \w+ \d+, \d{4}/);
  await expect(page.getByTestId("explanation-ship-to-differs-from-home")).toContainText("The latest screening does not score this flag because of it.");
  expect(await shownScore(page)).toBeLessThan(before);

  // The API shows the same suppression on the latest screening.
  const screenings = (await (await page.request.get(`/api/v1/candidates/${candidateId}/screenings`)).json()) as { screenings: { trigger: string; suppressed: { ruleId: string; explanation?: { acceptedBy: string; note: string } }[] }[] };
  expect(screenings.screenings[0].trigger).toBe("explanation");
  expect(screenings.screenings[0].suppressed).toContainEqual(expect.objectContaining({ ruleId: "ship-to-differs-from-home", explanation: expect.objectContaining({ acceptedBy: "Sam Security", note: "Lease and mover's invoice checked." }) }));
  await context.close();
});
