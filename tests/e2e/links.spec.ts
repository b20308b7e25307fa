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
