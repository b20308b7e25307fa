import type { Request } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";

for (const role of ["recruiter", "admin"] as const) {
  test(`${role} creates a candidate and finds it in the list and on its page`, async ({ page, login }) => {
    await login(role);
    const name = uniqueName("Morgan Testcase");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New candidate" }).click();
    await page.getByLabel("Full legal name").fill(name);
    await page.getByLabel("Email").fill(`morgan.${Date.now()}@example.org`);
    await page.getByLabel("Phone").fill("+1 503 555 0111");
    await page.getByLabel("City").fill("Portland");
    await page.getByLabel("State / region").fill("OR");
    await page.getByLabel("Country").selectOption("US");
    await page.getByRole("button", { name: "Create candidate" }).click();

    await expect(page).toHaveURL(/\/candidates\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByText("Portland, OR, United States")).toBeVisible();
    // The audit trail is for those who hold audit.read (issue 9): an admin sees it, a recruiter doesn't.
    if (role === "admin") await expect(page.getByRole("region", { name: "Audit trail" }).getByText("Created")).toBeVisible();
    else await expect(page.getByRole("region", { name: "Audit trail" })).toHaveCount(0);

    await page.getByRole("link", { name: "← All candidates" }).click();
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toBeVisible();
    // Newest first: the new candidate is the first data row.
    await expect(page.getByRole("row").nth(1)).toContainText(name);
  });
}

test("a bad email shows a field error next to the field and keeps the draft", async ({ page, login }) => {
  await login("recruiter");
  await page.goto("/candidates/new");
  const name = uniqueName("Draft Keeper");
  await page.getByLabel("Full legal name").fill(name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Phone").fill("call me maybe");
  await page.getByRole("button", { name: "Create candidate" }).click();

  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address, like name@example.com");
  await expect(page.locator("#field-phone-error")).toContainText("Enter a phone number with digits");
  await expect(page.getByLabel("Full legal name")).toHaveValue(name);
  await expect(email).toHaveValue("not-an-email");
  await expect(page).toHaveURL(/\/candidates\/new$/);
});

test("submitting the same form twice creates one candidate", async ({ page, login }) => {
  await login("recruiter");
  await page.goto("/candidates/new");
  const name = uniqueName("Twice Submitted");
  await page.getByLabel("Full legal name").fill(name);
  await page.getByLabel("Email").fill(`twice.${Date.now()}@example.org`);

  let actionRequest: Request | undefined;
  page.on("request", (req) => {
    if (req.method() === "POST" && req.headers()["next-action"]) actionRequest = req;
  });
  await page.getByRole("button", { name: "Create candidate" }).click();
  await expect(page).toHaveURL(/\/candidates\/[0-9a-f-]{36}/);
  const firstUrl = new URL(page.url()).pathname;
  expect(actionRequest, "the form posts a server action").toBeDefined();

  // Replay the exact same submission (same idempotency key), as a double click or a network retry would.
  const headers = await actionRequest!.allHeaders();
  const replay = await page.request.post(actionRequest!.url(), {
    headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component" },
    data: actionRequest!.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(replay.status()).toBeLessThan(400);
  expect(replay.headers()["x-action-redirect"] ?? "").toContain(firstUrl);

  await page.goto("/candidates");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(1);
});

test("a security analyst can read candidates but not create them", async ({ page, login }) => {
  await login("security");
  await expect(page.getByRole("link", { name: "New candidate" })).toHaveCount(0);
  const res = await page.goto("/candidates/new");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});
