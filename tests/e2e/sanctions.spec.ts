import path from "node:path";
import { expect, test } from "./fixtures";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/ofac");
const CSV_SET = ["sdn.csv", "alt.csv", "add.csv"].map((f) => path.join(FIXTURES, f));

test.describe("sanctions lists (admin)", () => {
  test("an admin imports the CSV set, sees the count and the version in the history; a re-import changes nothing", async ({ page, login }) => {
    await login("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sanctions" }).click();
    await expect(page.getByRole("heading", { name: "Sanctions lists" })).toBeVisible();
    const empty = page.getByTestId("sanctions-empty");
    if (await empty.count()) await expect(empty).toContainText("sanctionslist.ofac.treas.gov");

    const form = page.getByRole("form", { name: "Import sanctions list" });
    await form.getByLabel("List files").setInputFiles(CSV_SET);
    await form.getByLabel("Publication date").fill("2025-11-04");
    await form.getByRole("button", { name: "Import list" }).click();
    await expect(form.getByRole("status")).toHaveText("Imported OFAC-SDN 2025-11-04: 13 entries, 5 aliases, 3 addresses. It is now the active list.");
    const row = page.getByRole("row").filter({ hasText: "OFAC-SDN 2025-11-04" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Active");
    await expect(row).toContainText("sdn.csv, alt.csv, add.csv");
    await expect(row).toContainText("Alex Admin");

    await form.getByLabel("List files").setInputFiles(CSV_SET);
    await form.getByLabel("Publication date").fill("2025-11-04");
    await form.getByRole("button", { name: "Import list" }).click();
    await expect(form.getByRole("status")).toContainText("Unchanged: OFAC-SDN 2025-11-04");
    await expect(page.getByRole("row").filter({ hasText: "OFAC-SDN 2025-11-04" })).toHaveCount(1);
  });

  test("a malformed file is refused with its line and reason, and the active list stays", async ({ page, login }) => {
    await login("admin");
    await page.goto("/admin/sanctions");
    const form = page.getByRole("form", { name: "Import sanctions list" });
    await form.getByLabel("List files").setInputFiles(path.join(FIXTURES, "malformed/sdn-wrong-columns.csv"));
    await form.getByLabel("Publication date").fill("2025-11-05");
    await form.getByRole("button", { name: "Import list" }).click();
    await expect(form.getByRole("alert")).toHaveText("sdn-wrong-columns.csv line 3: expected 12 columns, found 11");
    await expect(page.getByRole("row").filter({ hasText: "2025-11-05" })).toHaveCount(0);
    await expect(page.getByRole("row").filter({ hasText: "OFAC-SDN 2025-11-04" })).toContainText("Active");
  });

  test("the CSV set needs a publication date", async ({ page, login }) => {
    await login("admin");
    await page.goto("/admin/sanctions");
    const form = page.getByRole("form", { name: "Import sanctions list" });
    await form.getByLabel("List files").setInputFiles(CSV_SET);
    await form.getByRole("button", { name: "Import list" }).click();
    await expect(form.getByRole("alert")).toContainText("carry no publication date");
    await expect(form.getByLabel("Publication date")).toHaveAttribute("aria-invalid", "true");
  });
});

test("a recruiter is refused the sanctions page and does not see its link", async ({ page, login }) => {
  await login("recruiter");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sanctions" })).toHaveCount(0);
  const res = await page.goto("/admin/sanctions");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});
