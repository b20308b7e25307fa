// Issue 9, tried as an attacker would against the production build: CSRF from another port, framing, a copied
// session cookie after sign-out, oversized bodies, sign-in guessing, headers; and the audit log that shows it all.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO, DEMO_PASSWORD, expect, signIn, test, uniqueName } from "./fixtures";

/** A page served from another port of the same host: same site, different origin — the attacker of finding 5. */
async function startAttackerSite(html: (target: string) => string, target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html(target));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("a page on another port cannot create an admin with the admin's cookie (CSRF)", async ({ browser, baseURL }) => {
  // A context of its own: the browser reports the refused cross-origin responses as console errors, as it should.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin");
  const cookies = await context.cookies(baseURL);
  expect(cookies.some((c) => c.name.includes("authjs.session-token"))).toBe(true);
  const fetched = `fetch.${Date.now()}@example.com`;
  const posted = `form.${Date.now()}@example.com`;
  const body = (email: string) => JSON.stringify({ email, name: "Planted", role: "ADMIN", password: "attacker-chosen-password" });
  // A text/plain form whose name=value pair is the JSON body, and a no-cors fetch: both carry the cookie (same site).
  const formBody = body(posted);
  const attacker = await startAttackerSite(
    (target) => `<!doctype html><html><body>
      <form id="f" method="POST" action="${target}/api/admin/users" enctype="text/plain">
        <input type="hidden" name='${formBody.slice(0, -1)},"pad":"' value='"}'>
      </form>
      <script>
        fetch("${target}/api/admin/users", { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(body(fetched))} })
          .catch(() => {})
          .finally(() => document.getElementById("f").submit());
      </script>
    </body></html>`,
    baseURL!,
  );
  try {
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/admin/users")) sent.push(r.postData() ?? "");
    });
    const formAnswer = page.waitForResponse((r) => r.url().endsWith("/api/admin/users") && r.request().method() === "POST" && r.request().resourceType() === "document");
    await page.goto(attacker.url);
    expect((await formAnswer).status()).toBe(403);
    await page.waitForURL(/\/api\/admin\/users$/);
    await page.waitForLoadState();
    expect(sent.some((b) => b.includes(fetched))).toBe(true);
    expect(sent.some((b) => b.includes(posted))).toBe(true);
  } finally {
    await attacker.close();
  }
  // The admin's own view: neither user exists.
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByTestId(`user-row-${fetched}`)).toHaveCount(0);
  await expect(page.getByTestId(`user-row-${posted}`)).toHaveCount(0);
  await context.close();
});

test("the app cannot be framed by another page (clickjacking)", async ({ browser, baseURL }) => {
  // A page of its own: Chromium reports the refused frame as a console error, which is the expected outcome here.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin");
  const direct = await page.request.get("/admin/users");
  expect(direct.headers()["x-frame-options"]).toBe("DENY");
  expect(direct.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const attacker = await startAttackerSite((target) => `<!doctype html><iframe id="victim" src="${target}/admin/users" width="800" height="600"></iframe>`, baseURL!);
  try {
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    await page.goto(attacker.url);
    await expect.poll(() => consoleErrors.join("\n"), { timeout: 10_000 }).toMatch(/frame-ancestors|X-Frame-Options|refused/i);
    // Nothing of the admin page rendered inside the frame.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.getByRole("heading", { name: "Users" }).count().catch(() => 0)).toBe(0);
  } finally {
    await attacker.close();
    await context.close();
  }
});

test("pages send a nonce-based CSP and security headers; API responses too", async ({ page, request }) => {
  const res = await page.goto("/sign-in");
  const headers = res!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Next put the nonce on its scripts (browsers hide nonce values from the DOM, so read the HTML as sent), and the
  // page works under the policy: the fixture fails the test on any console error, a CSP violation included.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await res!.text()).toContain(`nonce="${nonce}"`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  // A second request gets another nonce.
  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("signing out ends the session on the server: a copied cookie stops working", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin");
  const copied = await context.cookies();
  expect((await page.request.get("/api/admin/users")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);

  // Someone who copied the cookie before the sign-out replays it.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.request.get("/api/admin/users");
  expect(stolen.status()).toBe(401);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/admin/users");
  await expect(thiefPage).toHaveURL(/\/sign-in/);
  await context.close();
  await thief.close();
});

test("oversized bodies are refused before they are read: sign-in over a few KB, the API over 1 MB", async ({ request }) => {
  const signInRes = await request.post("/sign-in", { headers: { "content-type": "text/plain", "next-action": "x" }, data: "x".repeat(100_000) });
  expect(signInRes.status()).toBe(413);
  const apiRes = await request.post("/api/v1/candidates", { headers: { "content-type": "application/json", authorization: `Bearer hrs_${"a".repeat(32)}` }, data: "x".repeat(1_100_000) });
  expect(apiRes.status()).toBe(413);
  expect((await apiRes.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
});

test("guessing a password is throttled with a clear message, audited, and shown in the audit log", async ({ browser, baseURL }) => {
  // A user of its own: the demo accounts must stay usable for the other tests.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  const email = `guessed.${Date.now()}@example.com`;
  const created = await admin.request.post("/api/admin/users", {
    headers: { origin: baseURL! },
    data: { email, name: uniqueName("Guessed"), role: "RECRUITER", password: "the-real-password-1" },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    // One sign-in at a time: wait for the server's answer before the next try.
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"), page.getByRole("button", { name: "Sign in" }).click()]);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  };
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong-guess-${i}`);
    await expect(page.locator("form [role=alert]")).toHaveText(/Email or password is incorrect/);
  }
  // The sixth try — even with the right password — waits.
  await attempt("the-real-password-1");
  await expect(page.locator("form [role=alert]")).toHaveText(/Too many failed sign-ins\. Try again in 1 minute/);
  await expect(page).toHaveURL(/\/sign-in/);

  // The security analyst reads what happened in the audit log.
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, "security");
  await analyst.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(analyst.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const rows = analyst.getByTestId("audit-row").filter({ hasText: email });
  await expect(rows.filter({ hasText: "Sign-in refused (too many attempts)" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Sign-in failed" })).toHaveCount(5);
  await expect(rows.filter({ hasText: "reason: bad password" }).first()).toBeVisible();
  // The user's creation by the admin is there too, with the admin's session as the credential.
  const creation = analyst.getByTestId("audit-row").filter({ hasText: "User created" }).filter({ hasText: email });
  await expect(creation).toContainText(DEMO.admin.email);
  await expect(creation).toContainText(/session:[0-9a-f]{8}/);
  await analyst.getByLabel("Category").selectOption("access");
  await analyst.getByRole("button", { name: "Apply filters" }).click();
  await expect(analyst).toHaveURL(/category=access/);
  await expect(analyst.getByTestId("audit-row").filter({ hasText: "User created" })).toHaveCount(0);
  for (const c of [adminContext, context, analystContext]) await c.close();
  expect(DEMO_PASSWORD).not.toBe("the-real-password-1");
});

test("the audit log is for security analysts and admins only", async ({ page, login }) => {
  await login("recruiter");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const res = await page.goto("/audit");
  expect(res?.status()).toBe(403);
});
