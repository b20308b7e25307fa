// The security review workspace (issue 11): an analyst claims a case from the queue, notes and proposes NOT_CLEARED;
// a second reviewer (the admin) approves it; the recruiter sees the outcome and nothing of the notes or rationale.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expect, signIn, test, uniqueName } from "./fixtures";
import { ROOT } from "./screening-paths";

test("claim, note, propose NOT_CLEARED, approve by a second reviewer; the recruiter sees only the outcome", async ({ page, browser, login }) => {
  await login("security");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  // The seeded demo opened cases for its high-risk candidates; the navigation counts mine · unassigned.
  await expect(page.getByTestId("nav-badge-review")).toBeVisible();

  // Claim the first unassigned case from the queue.
  const row = page.getByTestId("case-row").filter({ has: page.getByRole("button", { name: /^Claim/ }) }).first();
  const name = (await row.getByRole("link").first().textContent())!.trim();
  await row.getByRole("button", { name: /^Claim/ }).click();
  await expect(page.getByText("Assignment saved.")).toBeVisible();
  const claimed = page.getByTestId("case-row").filter({ hasText: name });
  await expect(claimed).toContainText("Sam Security");

  await claimed.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: `Case: ${name}` })).toBeVisible();
  const caseUrl = page.url();
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("In review");

  const note = uniqueName("Round-2 face differs; live ID check refused");
  await page.getByLabel(/New note/).fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("case-notes")).toContainText(note);

  const rationale = uniqueName("Declined the live ID check twice and the interviewer changed between rounds");
  const form = page.getByRole("form", { name: "Propose a closure" });
  await form.getByRole("radio", { name: /Not cleared/ }).check();
  await form.getByRole("checkbox", { name: /IDENTITY_NOT_VERIFIED/ }).check();
  await form.getByLabel("Rationale").fill(rationale);
  await form.getByRole("button", { name: "Propose closure" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("Awaiting approval");
  await expect(page.getByText("You proposed this closure")).toBeVisible();
  const candidateHref = (await page.getByRole("link", { name: "Open the candidate →" }).getAttribute("href"))!;

  // The second pair of eyes.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto(caseUrl);
  const approval = admin.getByRole("form", { name: "Approve or send back the closure" });
  await approval.getByRole("radio", { name: "Approve the closure" }).check();
  await approval.getByLabel("Rationale").fill("Agree: identity never verified.");
  await approval.getByRole("button", { name: "Record" }).click();
  await expect(admin.getByTestId("case-status")).toHaveText("Not cleared");
  await expect(admin.getByTestId("case-history")).toContainText("proposed by Sam Security, approved by Alex Admin");
  // The evidence pack downloads and proves itself offline (audit:verify --pack), the note inside.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Download evidence pack (JSON)" }).click()]);
  const packFile = await download.path();
  const packText = await readFile(packFile, "utf8");
  expect(packText).toContain(note);
  const verified = await new Promise<{ code: number; output: string }>((resolve) =>
    execFile(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--pack", packFile], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    ),
  );
  expect(verified.code, verified.output).toBe(0);
  expect(verified.output).toContain("evidence pack content and event list match its export event");
  // Every transition is in the (hash-chained) audit log, filtered to this case.
  await admin.getByRole("link", { name: "This case in the audit log →" }).click();
  for (const label of ["Review case opened", "Review case assigned", "Case review started", "Case note added", "Case closure proposed", "Case closure approved", "Evidence pack downloaded"]) {
    await expect(admin.getByRole("cell", { name: label, exact: true }).first()).toBeVisible();
  }
  await adminContext.close();

  // The recruiter: the outcome, never the notes or the rationale, and no queue.
  const recruiterContext = await browser.newContext();
  const recruiter = await recruiterContext.newPage();
  await signIn(recruiter, "recruiter");
  await expect(recruiter.getByRole("link", { name: /Review queue/ })).toHaveCount(0);
  await recruiter.goto(candidateHref);
  await expect(recruiter.getByTestId("security-review-status")).toHaveText("Not cleared — do not proceed");
  await expect(recruiter.getByText(note)).toHaveCount(0);
  await expect(recruiter.getByText(rationale)).toHaveCount(0);
  expect((await recruiter.request.get(caseUrl, { maxRedirects: 0 })).status()).toBe(403);
  await recruiterContext.close();
});

test("the review threshold is edited with a ruleset draft, and its preview says how many candidates would open a case", async ({ page, login }) => {
  await login("admin");
  await page.goto("/admin/rulesets/new");
  const form = page.getByRole("form", { name: "New ruleset draft" });
  await expect(form.getByLabel("Open a review case from")).toHaveValue("HIGH");
  await form.getByLabel("Open a review case from").selectOption("ELEVATED");
  await form.getByLabel("Notes").fill("Review cases from the Elevated band while the team has capacity.");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft");
  await expect(page.getByRole("region", { name: /Compared with the published version/ })).toContainText("Review cases open from High → Elevated");
  await page.getByRole("button", { name: "Run preview" }).click();
  await expect(page.getByTestId("preview-review-cases")).toContainText(/Review cases open from the Elevated band: [\d,]+ candidates? reach(es)? it, [\d,]+ candidates? would open a case/, { timeout: 30_000 });
});

test("a case of the seeded laptop farm shows the whole cluster as a graph and a table", async ({ page, login }) => {
  await login("security");
  // The farm's five members share a phone and a ship-to address (LNK-02); their cases are in the queue.
  await page.getByLabel("Name, email or phone").fill("602 555 0199");
  await page.getByRole("button", { name: "Apply" }).click();
  const names = (await page.locator("tbody tr td:first-child a").allTextContents()).map((t) => t.trim());
  expect(names).toHaveLength(5);
  await page.goto("/review?indicator=LNK-02");
  const row = page.getByTestId("case-row").filter({ hasText: new RegExp(names.join("|")) }).first();
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /^Case: / })).toBeVisible();
  const cluster = page.getByRole("region", { name: "Cluster (two hops)" });
  await expect(cluster.getByTestId("cluster-graph")).toHaveAttribute("data-ready", "true");
  const table = cluster.getByRole("table", { name: "What is shared, and by whom" });
  const shipRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Ship-to address.*thomas/i }) });
  await expect(shipRow.getByRole("listitem")).toHaveCount(5);
});
