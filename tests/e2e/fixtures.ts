import { expect, test as base, type ConsoleMessage, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";
export const DEMO = {
  recruiter: { email: "recruiter@example.com", name: "Riley Recruiter", roleLabel: "Recruiter" },
  security: { email: "security@example.com", name: "Sam Security", roleLabel: "Security analyst" },
  admin: { email: "admin@example.com", name: "Alex Admin", roleLabel: "Administrator" },
} as const;
export type DemoRole = keyof typeof DEMO;

export async function signIn(page: Page, role: DemoRole, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO[role].email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-role")).toHaveText(DEMO[role].roleLabel);
}

/**
 * The upload routes answer a refused file with 400 or 413, which the upload forms show beside the field; Chromium
 * logs such responses as console errors.
 */
function isRefusedUpload(msg: ConsoleMessage): boolean {
  return /status of (400|413)\b/.test(msg.text()) && /\/api\/(imports|admin\/sanctions|resume-text)$/.test(msg.location().url);
}

/** Fails a test when the page logs an unexpected console error (a broken page must not pass quietly). */
export const test = base.extend<{ login: (role: DemoRole) => Promise<void> }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" && !/Failed to load resource: the server responded with a status of (401|403|404)/.test(msg.text()) && !isRefusedUpload(msg)) errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await use(page);
    expect(errors, "console errors on the page").toEqual([]);
  },
  login: async ({ page }, use) => {
    await use((role) => signIn(page, role));
  },
});

export { expect };

export function uniqueName(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
