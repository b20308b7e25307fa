import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, uniqueName } from "./fixtures";

const example = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../docs/examples/profile.json"), "utf8"));

function submission() {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { ...example, externalId: `e2e-${tag}`, profile: { ...example.profile, candidate: { ...example.profile.candidate, email: `jordan.${tag}@example.com` } } };
}

test("an admin creates an API key, sees it once, uses it, and revokes it", async ({ page, login, request }) => {
  await login("admin");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  const name = uniqueName("ATS sync");
  const form = page.getByRole("form", { name: "Create API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("you won't see it again")).toBeVisible();
  const key = await page.getByTestId("new-api-key").inputValue();
  expect(key).toMatch(/^hrs_[0-9A-Za-z]{32}$/);
  const prefix = key.slice(0, 8);
  const row = page.getByTestId(`api-key-row-${prefix}`);
  await expect(row).toContainText(name);
  // The list shows the prefix only, never the key.
  await expect(page.getByText(key, { exact: false })).toHaveCount(0);

  const created = await request.post("/api/v1/candidates", { headers: { authorization: `Bearer ${key}` }, data: submission() });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body.created).toBe(true);
  expect(body.assessment.hits.length).toBeGreaterThan(0);

  // Gone after a reload: the key is shown once.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(row).toContainText("Last used:");
  await expect(row).not.toContainText("Last used: never");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");

  const refused = await request.post("/api/v1/candidates", { headers: { authorization: `Bearer ${key}` }, data: submission() });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");
});

test("the API needs credentials, and the OpenAPI document is public", async ({ request }) => {
  const res = await request.post("/api/v1/candidates", { data: submission() });
  expect(res.status()).toBe(401);
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
});
