import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

const ROWS = 1_000;
// Data rows (0-based) that are wrong; with the header as row 1 they are file rows 101, 501 and 901.
const BAD = { 99: "email", 499: "name", 899: "country" } as const;

function generatedCsv(tag: string): string {
  const lines = ["Candidate ID,Full Name,Email Address,Phone,City,State,Country,Stage,Current Employer,Source"];
  for (let i = 0; i < ROWS; i++) {
    const kind = BAD[i as keyof typeof BAD];
    const name = kind === "name" ? "" : `Avery Sample ${tag} ${i}`;
    const email = kind === "email" ? "avery-at-example.org" : `avery.${tag}.${i}@example.org`;
    const country = kind === "country" ? "ZZ" : "US";
    lines.push(`${tag}-${i},${name},${email},+1 503 555 ${String(1000 + (i % 9000)).padStart(4, "0")},Portland,OR,${country},Application,Acme Corp ${i % 50},job board`);
  }
  return `${lines.join("\n")}\n`;
}

test("a recruiter imports a 1,000-row CSV: defaults map the columns, progress reaches 100%, exactly the 3 bad rows are reported", async ({ page, login }) => {
  test.setTimeout(240_000);
  const tag = Date.now().toString(36);
  await login("recruiter");
  await page.goto("/candidates");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import candidates" })).toBeVisible();

  const upload = page.getByRole("form", { name: "Upload a CSV file" });
  await upload.getByLabel("CSV file").setInputFiles({ name: `ats-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(generatedCsv(tag)) });
  await upload.getByRole("button", { name: "Upload and map columns" }).click();

  await expect(page.getByRole("heading", { name: "Which column is which?" })).toBeVisible();
  const mapping = page.getByRole("form", { name: "Map columns" });
  await expect(mapping.getByLabel("External id (ATS)")).toHaveValue("Candidate ID");
  await expect(mapping.getByLabel("Legal name")).toHaveValue("Full Name");
  await expect(mapping.getByLabel("Email")).toHaveValue("Email Address");
  await expect(mapping.getByLabel("Claimed country (ISO code)")).toHaveValue("Country");
  await expect(mapping.getByLabel("Stage")).toHaveValue("Stage");
  await expect(mapping.getByLabel("Payee name")).toHaveValue("");
  await expect(mapping.getByRole("table")).toContainText(`Avery Sample ${tag} 0`);

  const started = Date.now();
  await mapping.getByRole("button", { name: "Validate and import" }).click();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 200_000 });
  console.log(`[csv-import e2e] ${ROWS} rows imported and screened in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await expect(page.getByRole("status").filter({ hasText: "Completed" })).toBeVisible();
  await expect(page.getByTestId("import-created")).toHaveText("997");
  await expect(page.getByTestId("import-failed")).toHaveText("3");

  const errorRows = page.getByTestId("import-errors").locator("tbody tr");
  await expect(errorRows).toHaveCount(3);
  await expect(errorRows.locator("td:first-child")).toHaveText(["101", "501", "901"]);
  await expect(errorRows.nth(0)).toContainText("Email Address");
  await expect(errorRows.nth(1)).toContainText("Full Name");
  await expect(errorRows.nth(2)).toContainText("Country");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download errors CSV" }).click()]);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^row,column,error,/);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["101", "501", "901"]);

  // The job is listed on the import page, and leaving and coming back shows it finished.
  await page.goto("/candidates/import");
  await expect(page.getByRole("row").filter({ hasText: `ats-${tag}.csv` })).toContainText("Completed");
});

test("the candidates list offers a CSV export; the file is CSV", async ({ page, login }) => {
  await login("security");
  await page.goto("/candidates");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/exports/candidates.csv");
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  const res = await page.request.get("/api/exports/candidates.csv");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect((await res.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("id,external_id,full_name,email,phone,claimed_city,claimed_region,claimed_country,stage,latest_score,latest_band,created_at,updated_at");
});
