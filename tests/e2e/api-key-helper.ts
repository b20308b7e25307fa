import type { Page } from "@playwright/test";
import type { Role } from "@/lib/permissions";
import { uniqueName } from "./fixtures";

/** Creates an API key the way an admin does, on the API keys page (`page` must be signed in as an admin). */
export async function createApiKeyThroughUi(page: Page, { name = uniqueName("e2e key"), role = "RECRUITER" }: { name?: string; role?: Role } = {}): Promise<{ key: string; prefix: string }> {
  await page.goto("/admin/api-keys");
  const form = page.getByRole("form", { name: "Create API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("new-api-key").inputValue();
  return { key, prefix: key.slice(0, 8) };
}
