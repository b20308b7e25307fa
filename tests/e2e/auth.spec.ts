import { DEMO, expect, test } from "./fixtures";

test("an unauthenticated visitor is sent to sign-in and back after signing in", async ({ page }) => {
  await page.goto("/candidates/new");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcandidates%2Fnew/);
  await page.getByLabel("Email").fill(DEMO.recruiter.email);
  await page.getByLabel("Password").fill("demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/candidates\/new$/);
  await expect(page.getByRole("heading", { name: "New candidate" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText(/Email or password is incorrect/);
  await expect(page).toHaveURL(/\/sign-in/);
});

for (const role of ["recruiter", "security", "admin"] as const) {
  test(`${role} signs in, sees their role, and signs out`, async ({ page, login }) => {
    await login(role);
    await expect(page.getByText(DEMO[role].name)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(role === "admin" ? 1 : 0);
    await expect(nav.getByRole("link", { name: "New candidate" })).toHaveCount(role === "security" ? 0 : 1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
    await expect(page.getByRole("status")).toHaveText("You have been signed out.");
    await page.goto("/candidates");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("the API answers 401 without a session", async ({ request }) => {
  const res = await request.get("/api/admin/users");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
});

test("health reports app and database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});
