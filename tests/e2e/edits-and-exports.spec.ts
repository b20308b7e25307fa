import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import type { Page, Request } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";

async function createCandidate(page: Page, name: string, phone?: string): Promise<string> {
  await page.goto("/candidates/new");
  await page.getByLabel("Full legal name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, ".")}@example.org`);
  if (phone) await page.getByLabel("Phone").fill(phone);
  await page.getByRole("button", { name: "Create candidate" }).click();
  await expect(page.getByRole("status")).toHaveText("Candidate created and screened.");
  return new URL(page.url()).pathname.split("/")[2];
}

/** A downloaded file's CSV records, checking the BOM and that no line is empty. */
async function downloadCsv(page: Page, link: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link, exact: true }).click()]);
  const text = await readFile(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).split("\r\n");
  expect(lines.at(-1)).toBe("");
  expect(lines.slice(0, -1).every((l) => l.length > 0), "no empty row").toBe(true);
  return Papa.parse<string[]>(lines.slice(0, -1).join("\r\n"), { newline: "\r\n" }).data;
}

test("two tabs on the same stage form: the second save is refused with a conflict, keeps its draft and overwrites nothing", async ({ page, context, login }) => {
  test.setTimeout(120_000);
  await login("recruiter");
  const candidateId = await createCandidate(page, uniqueName("Two Tabs"));
  const formUrl = `/candidates/${candidateId}/evidence/interview`;

  // Both tabs open the interview form before either saves.
  await page.goto(formUrl);
  const tabB = await context.newPage();
  await tabB.goto(formUrl);

  // Tab A: a video round where the camera stayed off.
  await page.getByRole("button", { name: "Add round" }).click();
  const roundA = page.getByRole("group", { name: "Round 1" });
  await roundA.getByLabel("Round number").fill("1");
  await roundA.getByLabel("Mode").selectOption("video");
  await roundA.getByLabel("Declined or unable to turn the camera on").selectOption("true");
  await page.getByLabel("Accommodation requested").selectOption("false");
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  await expect(page.getByTestId("hit-camera-refusal")).toBeVisible();
  const screenedAfterA = await page.getByRole("region", { name: "Audit trail" }).getByText("Screened").count();

  // Tab B, still on the version it opened: an audio round.
  await tabB.getByRole("button", { name: "Add round" }).click();
  const roundB = tabB.getByRole("group", { name: "Round 1" });
  await roundB.getByLabel("Round number").fill("1");
  await roundB.getByLabel("Mode").selectOption("audio");
  await tabB.getByRole("button", { name: "Save and screen" }).click();
  await expect(tabB.getByRole("alert").filter({ hasText: "Someone else saved this candidate since you opened the form" })).toBeVisible();
  // The draft is kept, the page did not move, and the latest version is one click away.
  await expect(tabB).toHaveURL(new RegExp(`${formUrl}$`));
  await expect(roundB.getByLabel("Mode")).toHaveValue("audio");
  const latest = tabB.getByRole("link", { name: "Open the latest version in a new tab" });
  await expect(latest).toHaveAttribute("href", formUrl);
  await expect(latest).toHaveAttribute("target", "_blank");

  // Nothing was written: tab A's round is what the form shows now, and no screening was added.
  await tabB.reload();
  await expect(tabB.getByRole("group", { name: "Round 1" }).getByLabel("Mode")).toHaveValue("video");
  await expect(tabB.getByRole("group", { name: "Round 1" }).getByLabel("Declined or unable to turn the camera on")).toHaveValue("true");
  await page.goto(`/candidates/${candidateId}`);
  await expect(page.getByRole("region", { name: "Audit trail" }).getByText("Screened")).toHaveCount(screenedAfterA);
  await expect(page.getByTestId("hit-camera-refusal")).toBeVisible();
  await tabB.close();

  // The candidate page opened before another save: its verification step and decision forms refuse too.
  const tabC = await context.newPage();
  await tabC.goto(`/candidates/${candidateId}`);
  await page.goto(`/candidates/${candidateId}/evidence/onboarding`);
  const equipment = page.getByRole("group", { name: "Equipment" });
  await equipment.getByLabel("Street address").fill("77 Distant Lane");
  await equipment.getByLabel("City").fill("Phoenix");
  await equipment.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");

  const step = tabC.getByTestId("step-alternative-identity-proofing");
  await step.getByLabel("Outcome").selectOption("passed");
  await step.getByLabel("Note").fill("Notary proofing completed.");
  await step.getByRole("button", { name: "Mark done" }).click();
  await expect(step.getByText("Someone else saved this candidate since you opened the form")).toBeVisible();
  await expect(step.getByLabel("Note")).toHaveValue("Notary proofing completed.");
  await expect(step.getByLabel("Outcome")).toHaveValue("passed");
  await expect(step).not.toContainText("Done:");

  const decision = tabC.getByRole("form", { name: "Record a decision" });
  await decision.getByRole("radio", { name: /^Hold/ }).check();
  await decision.getByLabel("Rationale").fill("Waiting for the notary appointment next week.");
  await decision.getByRole("button", { name: "Record decision" }).click();
  await expect(decision.getByRole("alert")).toContainText("screened again since you opened the page");
  await expect(decision.getByLabel("Rationale")).toHaveValue("Waiting for the notary appointment next week.");
  await tabC.reload();
  await expect(tabC.getByRole("region", { name: "Decisions" })).toContainText("No decision recorded yet.");
  await expect(tabC.getByTestId("step-alternative-identity-proofing")).not.toContainText("Done:");
  await tabC.close();
});

test("the list's export links carry its search, filters and sort; the files hold exactly the rows the list shows", async ({ page, login }) => {
  test.setTimeout(120_000);
  await login("recruiter");
  const tag = uniqueName("Exportable").split(" ")[1];
  const ids = [await createCandidate(page, `Exportable ${tag} One`, "+1 415 555 0100"), await createCandidate(page, `Exportable ${tag} Two`, "+44 20 7946 0958")];

  await page.goto("/candidates");
  await page.getByLabel("Name, email or phone").fill(`Exportable ${tag}`);
  await page.getByLabel("Sort").selectOption("oldest");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=oldest/);
  const shown = await page.locator("tbody tr td:first-child a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.split("/")[2]));
  expect(shown).toEqual(ids);

  const query = new URLSearchParams({ q: `Exportable ${tag}`, sort: "oldest" }).toString();
  await expect(page.getByRole("link", { name: "Export CSV", exact: true })).toHaveAttribute("href", `/api/exports/candidates.csv?${query}`);
  await expect(page.getByRole("link", { name: "Export screenings CSV" })).toHaveAttribute("href", `/api/exports/screenings.csv?${query}`);

  const candidates = await downloadCsv(page, "Export CSV");
  expect(candidates[0].slice(0, 5)).toEqual(["id", "external_id", "full_name", "email", "phone"]);
  expect(candidates.slice(1).map((r) => r[0])).toEqual(shown);
  // Phone numbers are exported as they are, not as '+1 …
  expect(candidates.slice(1).map((r) => r[4])).toEqual(["+1 415 555 0100", "+44 20 7946 0958"]);

  const screenings = await downloadCsv(page, "Export screenings CSV");
  expect(screenings[0].slice(0, 2)).toEqual(["screening_id", "candidate_id"]);
  expect(screenings.slice(1).map((r) => r[1])).toEqual(shown);
});

test("a damaged page link keeps the filters; an unknown import is a 404 page", async ({ page, login }) => {
  await login("recruiter");
  const response = await page.goto("/candidates?cursor=garbage&stage=APPLICATION");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "That page link is invalid, so the list starts again from the first page." })).toBeVisible();
  await expect(page.getByLabel("Stage", { exact: true })).toHaveValue("APPLICATION");

  const dates = await page.goto("/candidates?from=0000-01-01&q=%00");
  expect(dates?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "Some filters were invalid and were ignored" })).toBeVisible();

  for (const id of ["3f1c0e56-9a59-4c1e-8f59-0c8f3a7d2b11", "garbage"]) {
    const res = await page.goto(`/candidates/import/${id}`);
    expect(res?.status(), id).toBe(404);
  }
});

test("Back, edit and submit the create form again: the edit is never dropped in favour of the first result", async ({ page, login }) => {
  await login("recruiter");
  const name = uniqueName("Back Button");
  const first = await createCandidate(page, name);

  // Chromium renders the form again on Back (the page is dynamic), with a new key: the edit is a candidate of its own.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "New candidate" })).toBeVisible();
  const edited = `${name} Edited`;
  await page.getByLabel("Full legal name").fill(edited);
  await page.getByLabel("Email").fill(`back.edited.${Date.now()}@example.org`);
  await page.getByRole("button", { name: "Create candidate" }).click();
  const refused = page.getByRole("alert").filter({ hasText: "This form was already saved with different content" });
  await expect(refused.or(page.getByRole("status").filter({ hasText: "Candidate created and screened." }))).toBeVisible();
  if (await refused.isVisible()) {
    // A browser that restores the form with its old key gets the refusal, draft kept.
    await expect(page.getByLabel("Full legal name")).toHaveValue(edited);
  } else {
    expect(new URL(page.url()).pathname).not.toBe(`/candidates/${first}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(edited);
  }
});

test("the create form's key sent again with different content is refused in words, and nothing is created", async ({ page, login }) => {
  await login("recruiter");
  await page.goto("/candidates/new");
  const name = uniqueName("Key Reuse");
  await page.getByLabel("Full legal name").fill(name);
  await page.getByLabel("Email").fill(`reuse.${Date.now()}@example.org`);
  let actionRequest: Request | undefined;
  page.on("request", (req) => {
    if (req.method() === "POST" && req.headers()["next-action"]) actionRequest = req;
  });
  await page.getByRole("button", { name: "Create candidate" }).click();
  await expect(page.getByRole("status")).toHaveText("Candidate created and screened.");
  expect(actionRequest, "the form posts a server action").toBeDefined();

  // The same submission (same key) with another name, as a stale form resubmitted after an edit would send it.
  const headers = await actionRequest!.allHeaders();
  const edited = `${name} Changed`;
  const body = Buffer.from(actionRequest!.postDataBuffer()!.toString("latin1").replace(name, edited), "latin1");
  const replay = await page.request.post(actionRequest!.url(), {
    headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component" },
    data: body,
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(200);
  expect(replay.headers()["x-action-redirect"]).toBeUndefined();
  expect(await replay.text()).toContain("This form was already saved with different content");

  await page.goto(`/candidates?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(1);
  await expect(page.getByRole("row", { name: new RegExp(edited) })).toHaveCount(0);
});
