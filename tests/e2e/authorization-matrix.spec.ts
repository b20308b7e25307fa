// The generated authorization matrix (issue 9): every page, route handler and server action of the production build
// × every kind of caller — signed out, each role, a disabled user, an API key of each role, a revoked key — and the
// outcome each must get, derived from the permission table (lib/permissions.ts) and the inventory
// (authorization-inventory.ts). A new page, route or action that is not in the inventory fails the first test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { roleHasPermission, ROLES, SESSION_ONLY_PERMISSIONS, type Role } from "@/lib/permissions";
import { createApiKeyThroughUi } from "./api-key-helper";
import { ACTIONS, PAGES, ROUTES, type Requirement } from "./authorization-inventory";
import { expect, signIn, test, uniqueName, type DemoRole } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROLE_OF: Record<DemoRole, Role> = { recruiter: "RECRUITER", security: "SECURITY", admin: "ADMIN" };

type Outcome = "allowed" | "forbidden" | "unauthenticated";
type Caller = {
  name: string;
  kind: "anonymous" | "session" | "disabled" | "key" | "revoked-key";
  role?: Role;
  api: APIRequestContext;
  /** Sent with every request (a key's Authorization header). */
  headers: Record<string, string>;
};

// ── What the app has ────────────────────────────────────────────────────────────────────────────────────────────
function filesUnder(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(rel, name));
    else if (entry.name === name) out.push(rel);
  }
  return out;
}

function routeMethods(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) for (const name of m[1].split(",").map((s) => s.trim())) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
  return [...methods];
}

type ManifestAction = { id: string; key: string; workers: string[] };
function builtActions(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({ id, key: `${a.filename}#${a.exportedName}`, workers: Object.keys(a.workers) }));
}

// ── Who calls ───────────────────────────────────────────────────────────────────────────────────────────────────
let baseURL: string;
const callers: Caller[] = [];
const contexts: BrowserContext[] = [];
const ids = { candidate: "", ruleset: "", case: "", importJob: "00000000-0000-4000-8000-000000000000" };

async function sessionFor(browser: Browser, role: DemoRole): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  contexts.push(context);
  await signIn(await context.newPage(), role);
  return context;
}

async function createKey(admin: BrowserContext, role: Role): Promise<{ key: string; prefix: string }> {
  const page = await admin.newPage();
  const created = await createApiKeyThroughUi(page, { name: uniqueName(`matrix ${role}`), role });
  await page.close();
  return created;
}

test.beforeAll(async ({ browser, baseURL: url }) => {
  test.setTimeout(180_000);
  baseURL = url!;
  const anonymous = await playwrightRequest.newContext({ baseURL });
  callers.push({ name: "signed out", kind: "anonymous", api: anonymous, headers: {} });
  const admin = await sessionFor(browser, "admin");
  for (const role of ["recruiter", "security", "admin"] as const) {
    const context = role === "admin" ? admin : await sessionFor(browser, role);
    callers.push({ name: `${role} session`, kind: "session", role: ROLE_OF[role], api: context.request, headers: {} });
  }

  // A user who signed in, then was disabled: their cookie must be worth nothing.
  const email = `matrix.disabled.${Date.now()}@example.com`;
  expect((await admin.request.post("/api/admin/users", { headers: { origin: baseURL }, data: { email, name: "Matrix Disabled", role: "ADMIN", password: "matrix-password-123" } })).status()).toBe(201);
  const disabledContext = await browser.newContext({ baseURL });
  contexts.push(disabledContext);
  const disabledPage = await disabledContext.newPage();
  await disabledPage.goto("/sign-in");
  await disabledPage.getByLabel("Email").fill(email);
  await disabledPage.getByLabel("Password").fill("matrix-password-123");
  await disabledPage.getByRole("button", { name: "Sign in" }).click();
  await expect(disabledPage.getByTestId("current-role")).toHaveText("Administrator");
  const users = await admin.newPage();
  await users.goto("/admin/users");
  await users.getByTestId(`user-row-${email}`).getByRole("button", { name: "Disable" }).click();
  await expect(users.getByTestId(`user-row-${email}`).getByText("Disabled", { exact: true })).toBeVisible();
  callers.push({ name: "disabled user's session", kind: "disabled", api: disabledContext.request, headers: {} });

  // An API key of each role (made by an admin, so only the key's role limits it), and a revoked one.
  for (const role of ROLES) {
    const { key } = await createKey(admin, role);
    callers.push({ name: `${role} API key`, kind: "key", role, api: anonymous, headers: { authorization: `Bearer ${key}` } });
  }
  const revoked = await createKey(admin, "ADMIN");
  await users.goto("/admin/api-keys");
  users.once("dialog", (d) => d.accept());
  await users.getByTestId(`api-key-row-${revoked.prefix}`).getByRole("button", { name: "Revoke" }).click();
  await expect(users.getByTestId(`api-key-row-${revoked.prefix}`)).toContainText("Revoked");
  callers.push({ name: "revoked API key", kind: "revoked-key", api: anonymous, headers: { authorization: `Bearer ${revoked.key}` } });

  // Real ids for the dynamic segments.
  await users.goto("/candidates");
  const href = await users.locator("a[href^='/candidates/']").evaluateAll((links) =>
    links.map((l) => l.getAttribute("href")).find((h) => h && /^\/candidates\/[0-9a-f-]{36}$/.test(h)),
  );
  ids.candidate = href!.split("/").pop()!;
  await users.goto("/admin/rulesets");
  const rulesetHref = await users.locator("a[href^='/admin/rulesets/']").evaluateAll((links) =>
    links.map((l) => l.getAttribute("href")).find((h) => h && /^\/admin\/rulesets\/[0-9a-f-]{36}$/.test(h)),
  );
  ids.ruleset = rulesetHref!.split("/").pop()!;
  await users.goto("/review");
  const caseHref = await users.locator("a[href^='/review/']").evaluateAll((links) =>
    links.map((l) => l.getAttribute("href")).find((h) => h && /^\/review\/[0-9a-f-]{36}$/.test(h)),
  );
  ids.case = caseHref!.split("/").pop()!;
  await users.close();
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
  await callers[0]?.api.dispose();
});

/** The URL of a page or route file: route groups dropped, dynamic segments filled with real ids. */
function urlOf(file: string): string {
  const p = file
    .replace(/^app/, "")
    .replace(/\/(page\.tsx|route\.ts|page|route)$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace("[id]/evidence/[stage]", `${ids.candidate}/evidence/application`)
    .replace("/rulesets/[id]", `/rulesets/${ids.ruleset}`)
    .replace("/review/cases/[id]", `/review/cases/${ids.case}`)
    .replace("/review/[id]", `/review/${ids.case}`)
    .replace("[id]", ids.candidate)
    .replace("[jobId]", ids.importJob)
    .replace("[...nextauth]", "session");
  return p || "/";
}

function expected(requirement: Requirement, caller: Caller, surface: "page" | "route" | "action"): Outcome {
  if (requirement === "public") return "allowed";
  if (caller.kind === "key" && surface === "route") {
    if (requirement === "session") return "forbidden";
    return roleHasPermission(caller.role, requirement) && !SESSION_ONLY_PERMISSIONS.has(requirement) ? "allowed" : "forbidden";
  }
  // Pages and actions know only sessions; a disabled user's or a revoked key's request is no one's.
  if (caller.kind !== "session") return "unauthenticated";
  if (requirement === "session") return "allowed";
  return roleHasPermission(caller.role, requirement) ? "allowed" : "forbidden";
}

function classifyHttp(status: number, location: string | undefined): Outcome | "error" {
  if (status >= 500) return "error";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status >= 300 && status < 400 && location && new URL(location, baseURL).pathname === "/sign-in") return "unauthenticated";
  return "allowed";
}

test("the inventory lists every page, route handler and server action of the build, and nothing else", () => {
  const pages = filesUnder("app", "page.tsx");
  const routes = filesUnder("app", "route.ts").flatMap((f) => routeMethods(f).map((m) => `${f} ${m}`));
  const actions = builtActions().map((a) => a.key);
  expect({ missing: pages.filter((p) => !(p in PAGES)), stale: Object.keys(PAGES).filter((p) => !pages.includes(p)) }).toEqual({ missing: [], stale: [] });
  expect({ missing: routes.filter((r) => !(r in ROUTES)), stale: Object.keys(ROUTES).filter((r) => !routes.includes(r)) }).toEqual({ missing: [], stale: [] });
  expect({ missing: actions.filter((a) => !(a in ACTIONS)), stale: Object.keys(ACTIONS).filter((a) => !actions.includes(a)) }).toEqual({ missing: [], stale: [] });
});

test("pages × callers", async () => {
  const mismatches: string[] = [];
  for (const caller of callers) {
    for (const [file, requirement] of Object.entries(PAGES)) {
      const url = urlOf(file);
      const res = await caller.api.get(url, { headers: caller.headers, maxRedirects: 0 });
      const got = classifyHttp(res.status(), res.headers()["location"]);
      const want = expected(requirement, caller, "page");
      if (got !== want) mismatches.push(`${caller.name} GET ${url} (${requirement}): expected ${want}, got ${got} (${res.status()})`);
    }
  }
  expect(mismatches).toEqual([]);
});

test("route handlers × callers", async () => {
  const mismatches: string[] = [];
  for (const caller of callers) {
    for (const [entry, requirement] of Object.entries(ROUTES)) {
      const [file, method] = entry.split(" ");
      const url = urlOf(file);
      // Same-origin, JSON: what the app's own pages send, so only authorization decides the outcome.
      const res = await caller.api.fetch(url, {
        method,
        headers: { ...caller.headers, origin: baseURL, "content-type": "application/json" },
        data: method === "GET" ? undefined : "{}",
        maxRedirects: 0,
      });
      const got = classifyHttp(res.status(), res.headers()["location"]);
      const want = expected(requirement, caller, "route");
      if (got !== want) mismatches.push(`${caller.name} ${method} ${url} (${requirement}): expected ${want}, got ${got} (${res.status()})`);
    }
  }
  expect(mismatches).toEqual([]);
});

test("server actions × callers", async () => {
  const actions = builtActions();
  // Signing out ends the caller's session: sign-out goes last, then the layout's inline sign-out (which answers the
  // same whether a session is left or not).
  const rank = (key: string) => (key.includes("layout.tsx#") ? 2 : key.includes("signOutAction") ? 1 : 0);
  actions.sort((a, b) => rank(a.key) - rank(b.key));
  const mismatches: string[] = [];
  for (const caller of callers) {
    for (const action of actions) {
      const requirement = ACTIONS[action.key];
      // Posted to a page that uses the action, as the browser would, with an empty payload: a permitted caller gets
      // a validation error (or the action's result), a refused one its refusal.
      const page = action.workers.map((w) => urlOf(w)).find((u) => !u.includes("[")) ?? "/candidates";
      const res = await caller.api.post(page, {
        headers: { ...caller.headers, origin: baseURL, "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
        data: "[null,{}]",
        maxRedirects: 0,
      });
      const text = await res.text();
      const got: Outcome | "error" =
        // A server action that throws answers 200 with an error digest: a 500 in all but name.
        res.status() >= 500 || /^\d+:E\{"digest"/m.test(text)
          ? "error"
          : text.includes('"code":"UNAUTHENTICATED"')
            ? "unauthenticated"
            : text.includes('"code":"FORBIDDEN"')
              ? "forbidden"
              : classifyHttp(res.status(), res.headers()["location"]);
      const want = expected(requirement, caller, "action");
      if (got !== want) mismatches.push(`${caller.name} ${action.key} (${requirement}) via ${page}: expected ${want}, got ${got} (${res.status()}) ${text.slice(0, 160)}`);
    }
  }
  expect(mismatches).toEqual([]);
});
