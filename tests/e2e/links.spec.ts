import { expect, test } from "./fixtures";

test("a seeded laptop-farm candidate shows who shares their phone, device and ship-to address", async ({ page, login }) => {
  await login("security");
  // The demo data seeds one laptop-farm cluster: five names, one phone, one residence for the laptops.
  await page.getByLabel("Name, email or phone").fill("602 555 0199");
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(6); // header + 5
  const names = (await page.locator("tbody tr td:first-child a").allTextContents()).map((t) => t.trim());
  await page.locator("tbody tr td:first-child a").first().click();

  const links = page.getByRole("list", { name: "Linked candidates" });
  const phone = links.getByTestId("link-PHONE");
  await expect(phone).toContainText("Same phone");
  await expect(phone).toContainText("Shared by candidates with different names");
  await expect(phone.getByRole("link")).toHaveCount(4);
  const shipTo = links.getByTestId("link-SHIP_TO");
  await expect(shipTo).toContainText("Same equipment ship-to address");
  await expect(shipTo.getByRole("link")).toHaveCount(4);
  await expect(links.getByTestId("link-DEVICE")).toBeVisible();
  // Who they are: the linked names are the other members of the cluster.
  const linked = (await phone.getByRole("link").allTextContents()).map((t) => t.trim());
  for (const n of linked) expect(names).toContain(n);
  // And the flags say so, with the shared ship-to as evidence.
  await expect(page.getByTestId("hit-shared-ship-to")).toBeVisible();
  await expect(page.getByTestId("hit-shared-contact-identifier")).toBeVisible();
});

test("a security analyst sees the laptop-farm cluster as a graph, with the same data in a table; a recruiter does not", async ({ page, login }) => {
  await login("security");
  await page.getByLabel("Name, email or phone").fill("602 555 0199");
  await page.getByRole("button", { name: "Apply" }).click();
  const names = (await page.locator("tbody tr td:first-child a").allTextContents()).map((t) => t.trim());
  expect(names).toHaveLength(5);
  await page.locator("tbody tr td:first-child a").first().click();

  const cluster = page.getByRole("region", { name: "Cluster (two hops)" });
  // The four other names at least (the farm's hosting IP also reaches other seeded high-risk applicants).
  const summary = (await cluster.getByTestId("cluster-summary").textContent()) ?? "";
  expect(Number(/(\d+) other applicants within two hops/.exec(summary)?.[1])).toBeGreaterThanOrEqual(4);
  // The graph is drawn (cytoscape, in the production bundle, under the Content-Security-Policy).
  await expect(cluster.getByTestId("cluster-graph")).toHaveAttribute("data-ready", "true");
  expect(await cluster.getByTestId("cluster-graph").locator("canvas").count()).toBeGreaterThan(0);
  // The table: the shared phone and ship-to each join all five names.
  const table = cluster.getByRole("table", { name: "What is shared, and by whom" });
  const phoneRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Phone.*6025550199/ }) });
  await expect(phoneRow.getByRole("listitem")).toHaveCount(5);
  const shipRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Ship-to address.*thomas/i }) });
  await expect(shipRow.getByRole("listitem")).toHaveCount(5);
  for (const n of (await phoneRow.getByRole("link").allTextContents()).map((t) => t.trim())) expect(names).toContain(n);
  const url = page.url();

  await page.getByRole("button", { name: "Sign out" }).click();
  await login("recruiter");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Linked candidates" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cluster (two hops)" })).toHaveCount(0);
});
