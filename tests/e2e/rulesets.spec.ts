import { expect, test } from "./fixtures";

test.describe("rulesets (admin)", () => {
  test("an admin saves a draft raising a threshold, previews it, publishes it and sees the re-screen", async ({ page, login }) => {
    test.setTimeout(120_000);
    await login("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rulesets" }).click();
    await expect(page.getByRole("heading", { name: "Rulesets", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New draft", exact: true }).click();
    await expect(page.getByRole("heading", { name: "New ruleset draft" })).toBeVisible();

    const form = page.getByRole("form", { name: "New ruleset draft" });
    const critical = form.getByLabel("Critical band starts at");
    const high = Number(await form.getByLabel("High band starts at").inputValue());
    const before = Number(await critical.inputValue());
    const raised = Math.min(before + 5, 100);
    expect(raised).toBeGreaterThan(before);

    // Below the High band: the engine's error appears beside the field and the draft is kept.
    await critical.fill(String(high - 1));
    await form.getByLabel("Notes").fill("Fewer candidates in Critical: only the strongest combinations.");
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(form.getByRole("alert")).toHaveText("Please correct the highlighted fields.");
    await expect(critical).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText(`Must be greater than HIGH (${high})`)).toBeVisible();
    await expect(form.getByLabel("Notes")).toHaveValue("Fewer candidates in Critical: only the strongest combinations.");

    await critical.fill(String(raised));
    await form.getByRole("button", { name: "Save draft" }).click();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(/Ruleset version \d+/);
    await expect(heading).toContainText("Draft");
    const version = Number(/Ruleset version (\d+)/.exec((await heading.textContent()) ?? "")![1]);
    const changes = page.getByRole("region", { name: /Compared with the published version/ });
    await expect(changes).toContainText(`Critical band starts at ${before} → ${raised}`);
    const previous = Number(/\((\d+)\)/.exec((await changes.getByRole("heading").textContent()) ?? "")![1]);

    // Preview: run on demand, announced when ready.
    await page.getByRole("button", { name: "Run preview" }).click();
    const preview = page.getByTestId("ruleset-preview");
    await expect(preview).toContainText(new RegExp(`Compared [\\d,]+ candidates? with version ${version}`), { timeout: 30_000 });
    await expect(page.getByRole("table", { name: "Candidates per band" })).toBeVisible();

    // Publish, after the confirmation.
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: `Publish version ${version}` }).click();
    await expect(heading).toContainText("Published");
    await expect(page.getByRole("region", { name: "In force" })).toContainText(`Version ${version} is the published ruleset`);
    await expect(page.getByTestId("rescreen-status")).toHaveText(/Re-screen queued|Re-screening after the latest ruleset|Re-screened .* after the latest ruleset/);

    // The history shows the new version published and the one before it retired; the Rules page uses it.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rulesets" }).click();
    await expect(page.getByTestId(`ruleset-version-${version}`)).toContainText("Published");
    await expect(page.getByTestId(`ruleset-version-${version}`)).toContainText("Fewer candidates in Critical");
    await expect(page.getByTestId(`ruleset-version-${previous}`)).toContainText("Retired");
    await expect(page.getByTestId("rescreen-status")).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules", exact: true }).click();
    await expect(page.getByText(`Ruleset version ${version} is in force`)).toBeVisible();
  });
});

test("a recruiter is refused the rulesets page and does not see its link", async ({ page, login }) => {
  await login("recruiter");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rulesets" })).toHaveCount(0);
  const res = await page.goto("/admin/rulesets");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});
