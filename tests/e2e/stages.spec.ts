import { expect, test, uniqueName } from "./fixtures";

test("a recruiter takes a candidate through the stages; flags appear with evidence, source and a verification step", async ({ page, login }) => {
  test.setTimeout(120_000);
  await login("recruiter");
  const name = uniqueName("Stage Walker");
  await page.goto("/candidates/new");
  await page.getByLabel("Full legal name").fill(name);
  await page.getByLabel("Email").fill(`stage.${Date.now()}@example.org`);
  await page.getByLabel("City").fill("Columbus");
  await page.getByLabel("State / region").fill("OH");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Create candidate" }).click();
  await expect(page.getByRole("status")).toHaveText("Candidate created and screened.");
  await expect(page.getByTestId("hit-camera-refusal")).toHaveCount(0);

  // Application: home address.
  await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Application" }).click();
  await expect(page.getByRole("heading", { name: "Application evidence" })).toBeVisible();
  const home = page.getByRole("group", { name: "Claimed location" });
  await home.getByLabel("Street address").fill("1200 Oak Street");
  await home.getByLabel("Postal code").fill("43215");
  // A PDF résumé: its text is extracted on the server into the field; an unreadable file says why.
  const resumeFile = page.getByLabel("Load the text from a résumé file (PDF, DOCX or TXT, up to 5 MB)");
  await resumeFile.setInputFiles("tests/fixtures/resumes/scanned.pdf");
  await expect(page.getByText("This PDF has no text layer", { exact: false })).toBeVisible();
  await resumeFile.setInputFiles("tests/fixtures/resumes/resume.pdf");
  await expect(page.getByText("Loaded the text of resume.pdf. Check it before saving.")).toBeVisible();
  await expect(page.getByLabel("Résumé text")).toHaveValue(/Kubernetes & Terraform \(AWS, GCP\); Go, TypeScript, PostgreSQL\./);
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");

  // Interview: a round with a bad field first (no round number), then camera declined with no accommodation.
  await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Interview" }).click();
  await page.getByRole("button", { name: "Add round" }).click();
  const round = page.getByRole("group", { name: "Round 1" });
  await round.getByLabel("Mode").selectOption("video");
  await round.getByLabel("Declined or unable to turn the camera on").selectOption("true");
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(round.getByLabel("Round number")).toHaveAttribute("aria-invalid", "true");
  await expect(round.getByText("This field is required")).toBeVisible();
  // The draft is kept.
  await expect(round.getByLabel("Declined or unable to turn the camera on")).toHaveValue("true");
  await round.getByLabel("Round number").fill("1");
  await page.getByLabel("Accommodation requested").selectOption("false");
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  const camera = page.getByTestId("hit-camera-refusal");
  await expect(camera).toContainText("Unwilling or unable to appear on camera");
  await camera.getByText("Innocent explanations, source and next step").click();
  await expect(camera).toContainText("Source:");
  await expect(camera).toContainText("Verification step:");
  await expect(page.getByRole("region", { name: "Recommended verification steps" })).toBeVisible();

  // Marking the recommended step done records its outcome as evidence and screens again.
  const screeningRows = page.getByRole("table", { name: "Score history by screening" }).getByRole("row");
  const historyBefore = await screeningRows.count();
  const step = page.getByTestId("step-alternative-identity-proofing");
  await step.getByLabel("Outcome").selectOption("passed");
  await step.getByLabel("Note").fill("Notary proofing completed at the county office.");
  await step.getByRole("button", { name: "Mark done" }).click();
  await expect(step.getByText("Recorded and screened again.")).toBeVisible();
  await expect(step).toContainText("Done: Passed");
  await expect.poll(async () => screeningRows.count()).toBeGreaterThan(historyBefore);

  // Onboarding: the laptop goes somewhere other than home.
  await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Offer & onboarding" }).click();
  const equipment = page.getByRole("group", { name: "Equipment" });
  await equipment.getByLabel("Street address").fill("77 Distant Lane");
  await equipment.getByLabel("City").fill("Phoenix");
  await equipment.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  await expect(page.getByTestId("hit-ship-to-differs-from-home")).toContainText("ship-to");
  await expect(page.getByText("Onboarding", { exact: true }).first()).toBeVisible();
  // Four screenings so far: the history chart is shown.
  await expect(page.getByRole("region", { name: "Score history" })).toBeVisible();
});
