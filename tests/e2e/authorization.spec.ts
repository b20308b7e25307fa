import type { Request } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, signIn, test, uniqueName } from "./fixtures";

test("a recruiter is refused the admin page", async ({ page, login }) => {
  await login("recruiter");
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("a recruiter posting to the admin API is refused and nothing is created", async ({ page, login }) => {
  await login("recruiter");
  const email = `intruder.${Date.now()}@example.com`;
  const res = await page.request.post("/api/admin/users", { data: { email, name: "Intruder", role: "ADMIN", password: "a-long-enough-password" } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("FORBIDDEN");
  const list = await page.request.get("/api/admin/users");
  expect(list.status()).toBe(403);
});

test("a recruiter replaying an admin server action is refused and nothing changes", async ({ browser }) => {
  // 1. The admin creates a user through the page; we record the server action request the form sent.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/users");
  let createRequest: Request | undefined;
  admin.on("request", (req) => {
    if (req.method() === "POST" && req.headers()["next-action"]) createRequest = req;
  });
  const legit = `legit.${Date.now()}@example.com`;
  const form = admin.getByRole("form", { name: "Create user" });
  await form.getByLabel("Name").fill("Legit User");
  await form.getByLabel("Email").fill(legit);
  await form.getByLabel("Role").selectOption("SECURITY");
  await form.getByLabel("Initial password").fill("a-long-enough-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `User ${legit} created.` })).toBeVisible();
  expect(createRequest).toBeDefined();

  // 2. A signed-in recruiter sends the same action with another email, straight to the server.
  const recruiterContext = await browser.newContext();
  const recruiter = await recruiterContext.newPage();
  await signIn(recruiter, "recruiter");
  const intruder = `escalated.${Date.now()}@example.com`;
  const body = createRequest!.postDataBuffer()!.toString("latin1").replace(legit, intruder);
  const headers = await createRequest!.allHeaders();
  const res = await recruiter.request.post(createRequest!.url(), {
    headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component" },
    data: Buffer.from(body, "latin1"),
  });
  const text = await res.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain(intruder);

  // 3. The admin sees the legitimate user and not the escalated one.
  await admin.reload();
  await expect(admin.getByTestId(`user-row-${legit}`)).toBeVisible();
  await expect(admin.getByTestId(`user-row-${intruder}`)).toHaveCount(0);
  await adminContext.close();
  await recruiterContext.close();
});

test("an admin manages a user: create, sign in, disable, reset password", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/users");
  const email = `managed.${Date.now()}@example.com`;
  const name = uniqueName("Managed");
  const form = admin.getByRole("form", { name: "Create user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("SECURITY");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(admin.locator("#field-password-error")).toHaveText("Use at least 12 characters");
  await form.getByLabel("Initial password").fill("initial-password-1");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `User ${email} created.` })).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await user.goto("/sign-in");
  await user.getByLabel("Email").fill(email);
  await user.getByLabel("Password").fill("initial-password-1");
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByTestId("current-role")).toHaveText(DEMO.security.roleLabel);

  // Disabling ends the session at once.
  const row = admin.getByTestId(`user-row-${email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  await user.goto("/candidates");
  await expect(user).toHaveURL(/\/sign-in/);

  // Re-enable and reset the password: the old one stops working, the new one works.
  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row.getByRole("button", { name: "Disable" })).toBeVisible();
  await row.getByLabel(`New password for ${email}`).fill("replacement-password-2");
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByRole("status").filter({ hasText: "Password reset" })).toHaveText("Password reset; their sessions were ended.");
  await user.goto("/sign-in");
  await user.getByLabel("Email").fill(email);
  await user.getByLabel("Password").fill("initial-password-1");
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.locator("form [role=alert]")).toBeVisible();
  await user.getByLabel("Password").fill("replacement-password-2");
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByTestId("current-role")).toHaveText(DEMO.security.roleLabel);
  expect(DEMO_PASSWORD).not.toBe("replacement-password-2");
  await adminContext.close();
  await userContext.close();
});
