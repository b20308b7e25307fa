// Issue 9, finding 1: IP enrichment was dead inside the production build while every test in plain Node passed. These
// tests screen through the built app itself — the browser form, the API — and the CLI, and compare what the IP,
// phone, email and time checks found, not only the hits.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { rulesById } from "@/lib/engine";
import { SERVER_SCRIPT_ARGS } from "../../scripts/lib/processes.mjs";
import { createApiKeyThroughUi } from "./api-key-helper";
import { expect, signIn, test, uniqueName } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

// Addresses as the shipped data knows them (June 2026 npm copies): Pyongyang (KP, Star Joint Venture), a Tor exit
// (AS60729, DE), a DigitalOcean droplet (hosting, GB) and Google (US).
const PYONGYANG = "175.45.176.1";
const TOR_EXIT = "185.220.101.1";
const HOSTING = "5.101.96.10";
const US_HOST = "8.8.8.8";

type Profile = {
  legalName: string;
  email: string;
  phone: string;
  city: string;
  region: string;
  country: string;
  ips: { ip: string; at?: string }[];
  activity: string[];
};

/** Two profiles: one with every IP red flag and a disposable address and VoIP number, one ordinary. */
function profiles(tag: string): Profile[] {
  return [
    {
      legalName: `Avery Parity ${tag}`,
      email: `avery.${tag}@mailinator.com`,
      phone: "+44 56 1234 5678",
      city: "Austin",
      region: "TX",
      country: "US",
      ips: [{ ip: PYONGYANG, at: "2026-03-02T03:00:00Z" }, { ip: TOR_EXIT }, { ip: US_HOST, at: "2026-03-02T04:00:00Z" }, { ip: HOSTING, at: "2026-03-02T05:00:00Z" }],
      activity: ["2026-03-02T03:10:00Z", "2026-03-02T04:40:00Z", "2026-03-03T02:55:00Z", "2026-03-03T05:20:00Z", "2026-03-04T03:30:00Z"],
    },
    {
      legalName: `Blake Parity ${tag}`,
      email: `blake.${tag}@gmail.com`,
      phone: "+1 503 555 0142",
      city: "Portland",
      region: "OR",
      country: "US",
      ips: [{ ip: US_HOST }],
      activity: [],
    },
  ];
}

function submission(p: Profile, externalId?: string) {
  return {
    ...(externalId ? { externalId } : {}),
    stage: "APPLICATION",
    profile: {
      candidate: { legalName: p.legalName, email: p.email, phone: p.phone, claimedLocation: { city: p.city, region: p.region, country: p.country } },
      observations: {
        ips: p.ips.map((o) => ({ ip: o.ip, context: "application", ...(o.at ? { at: o.at } : {}) })),
        ...(p.activity.length ? { activityTimestamps: p.activity } : {}),
      },
    },
  };
}

/** The same profile typed into the browser: the new-candidate form, then the application stage form. */
async function submitThroughForm(page: Page, p: Profile): Promise<string> {
  await page.goto("/candidates/new");
  await page.getByLabel("Full legal name").fill(p.legalName);
  await page.getByLabel("Email").fill(p.email);
  await page.getByLabel("Phone").fill(p.phone);
  await page.getByLabel("City").fill(p.city);
  await page.getByLabel("State / region").fill(p.region);
  await page.getByLabel("Country").selectOption(p.country);
  await page.getByRole("button", { name: "Create candidate" }).click();
  await expect(page.getByRole("status")).toHaveText("Candidate created and screened.");
  const id = /\/candidates\/([0-9a-f-]{36})/.exec(page.url())![1];
  await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Application" }).click();
  await page.getByLabel("Application IP addresses").fill(p.ips.map((o) => (o.at ? `${o.ip} ${o.at}` : o.ip)).join("\n"));
  if (p.activity.length) await page.getByLabel("Activity timestamps").fill(p.activity.join("\n"));
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  return id;
}

/** The CLI on the same profiles (its own throwaway embedded database), one JSON line per profile. */
async function screenWithCli(items: unknown[]): Promise<{ hits: string[]; score: number; enrichment: unknown }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "hrs-parity-"));
  try {
    const file = path.join(dir, "profiles.json");
    await writeFile(file, JSON.stringify(items));
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...SERVER_SCRIPT_ARGS, "scripts/screen.ts", file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`screen CLI exited ${code}: ${err}`))));
    });
    return output.trim().split("\n").map((l) => JSON.parse(l));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function createApiKey(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin");
  const { key } = await createApiKeyThroughUi(page, { name: uniqueName("enrichment parity") });
  await context.close();
  return key;
}

/** The rules that don't depend on what else is in the database (cross-candidate linkage does). */
const withoutLinkage = (ruleIds: string[]) => [...new Set(ruleIds.filter((id) => rulesById.get(id)?.category !== "LINKAGE"))].sort();

test("IP checks run in the production build: Pyongyang, a Tor exit and a hosting address flag LOC-01 and LOC-02 with their evidence", async ({ page, login }) => {
  await login("recruiter");
  const [p] = profiles(Date.now().toString(36));
  await submitThroughForm(page, p);

  const mismatch = page.getByTestId("hit-ip-country-mismatch");
  await expect(mismatch).toContainText("Connected from outside the claimed country");
  await expect(mismatch).toContainText("KP");
  const anonymised = page.getByTestId("hit-anonymised-connection");
  await expect(anonymised).toContainText("Tor");
  await expect(anonymised).toContainText("hosting/VPS");
  const multi = page.getByTestId("hit-multi-country-logins");
  await expect(multi).toContainText("One account used from several countries in a short time");
  await expect(multi).toContainText(/KP|GB|US/);

  // The enrichment itself, per address, with the data's attribution.
  const connections = page.getByRole("region", { name: "Connections" });
  await expect(connections.getByTestId(`connection-${PYONGYANG}`)).toContainText("North Korea");
  await expect(connections.getByTestId(`connection-${PYONGYANG}`)).toContainText("AS131279");
  await expect(connections.getByTestId(`connection-${TOR_EXIT}`)).toContainText("Tor exit");
  await expect(connections.getByTestId(`connection-${HOSTING}`)).toContainText("DigitalOcean");
  await expect(connections.getByTestId(`connection-${HOSTING}`)).toContainText("Hosting / VPS");
  await expect(page.getByRole("link", { name: "IP Geolocation by DB-IP" })).toBeVisible();
});

test("the same profiles through the API, the browser form and the CLI: the same enrichment and the same hits", async ({ page, login, browser, request }) => {
  test.setTimeout(180_000);
  const key = await createApiKey(browser);
  const auth = { authorization: `Bearer ${key}` };
  const latest = async (candidateId: string) => {
    const res = await request.get(`/api/v1/candidates/${candidateId}/screenings`, { headers: auth });
    expect(res.status()).toBe(200);
    const [s] = (await res.json()).screenings;
    return { hits: s.hits.map((h: { ruleId: string }) => h.ruleId) as string[], enrichment: s.enrichment };
  };

  await login("recruiter");
  const tag = Date.now().toString(36);
  // Each path gets its own email (so the three candidates don't link to each other by email); nothing else differs.
  const via = (path: string) => profiles(tag).map((p) => ({ ...p, email: p.email.replace("@", `.${path}@`) }));

  const api: { hits: string[]; enrichment: unknown }[] = [];
  for (const p of via("api")) {
    const res = await request.post("/api/v1/candidates", { headers: auth, data: submission(p) });
    expect(res.status()).toBe(201);
    api.push(await latest((await res.json()).candidateId));
  }
  const form: { hits: string[]; enrichment: unknown }[] = [];
  for (const p of via("form")) form.push(await latest(await submitThroughForm(page, p)));
  const cli = await screenWithCli(via("cli").map((p) => submission(p)));

  // The IP, phone, email and activity facts are found at all — in the built app, not only in plain Node.
  const flagged = api[0].enrichment as { ip: { country: string; asn: number; isTor: boolean; isHosting: boolean }[]; phone: { lineType: string }; email: { disposable: boolean }; activity: { sampleSize: number } };
  expect(flagged.ip.map((o) => o.country)).toEqual(["KP", "DE", "US", "GB"]);
  expect(flagged.ip[0].asn).toBe(131279);
  expect(flagged.ip[1].isTor).toBe(true);
  expect(flagged.ip[3].isHosting).toBe(true);
  expect(flagged.phone.lineType).toBe("voip");
  expect(flagged.email.disposable).toBe(true);
  expect(flagged.activity.sampleSize).toBe(5);

  for (let i = 0; i < api.length; i++) {
    expect(form[i].enrichment, `profile ${i}: form vs API enrichment`).toEqual(api[i].enrichment);
    expect(cli[i].enrichment, `profile ${i}: CLI vs API enrichment`).toEqual(api[i].enrichment);
    expect(withoutLinkage(form[i].hits), `profile ${i}: form vs API hits`).toEqual(withoutLinkage(api[i].hits));
    expect(withoutLinkage(cli[i].hits), `profile ${i}: CLI vs API hits`).toEqual(withoutLinkage(api[i].hits));
  }
  expect(withoutLinkage(api[0].hits)).toEqual(expect.arrayContaining(["ip-country-mismatch", "anonymised-connection", "multi-country-logins"]));
  expect(withoutLinkage(api[1].hits)).not.toContain("ip-country-mismatch");
});

test("a background re-screen inside the app keeps the IP flags", async ({ page, login, browser, request }) => {
  test.setTimeout(180_000);
  const key = await createApiKey(browser);
  const auth = { authorization: `Bearer ${key}` };
  const [p] = profiles(`rs${Date.now().toString(36)}`);
  const created = await request.post("/api/v1/candidates", { headers: auth, data: submission(p) });
  expect(created.status()).toBe(201);
  const { candidateId } = await created.json();

  // Publishing a ruleset version re-screens every candidate in the background (the app's own worker).
  await login("admin");
  await page.goto("/admin/rulesets/new");
  const form = page.getByRole("form", { name: "New ruleset draft" });
  const critical = form.getByLabel("Critical band starts at");
  await critical.fill(String(Math.min(Number(await critical.inputValue()) + 1, 100)));
  await form.getByLabel("Notes").fill("Re-screen check for IP enrichment.");
  await form.getByRole("button", { name: "Save draft" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("Draft");
  const version = Number(/Ruleset version (\d+)/.exec((await heading.textContent()) ?? "")![1]);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Publish version ${version}` }).click();
  await expect(heading).toContainText("Published");

  const rescreened = async () => {
    const res = await request.get(`/api/v1/candidates/${candidateId}/screenings`, { headers: auth });
    const [s] = (await res.json()).screenings as { trigger: string; rulesetVersion: number; hits: { ruleId: string }[]; enrichment: { ip?: { country: string }[] } }[];
    return s.trigger === "rescreen" && s.rulesetVersion === version ? s : null;
  };
  await expect.poll(rescreened, { timeout: 120_000, intervals: [1_000] }).not.toBeNull();
  const s = (await rescreened())!;
  expect(s.hits.map((h) => h.ruleId)).toEqual(expect.arrayContaining(["ip-country-mismatch", "anonymised-connection", "multi-country-logins"]));
  expect(s.enrichment.ip?.map((o) => o.country)).toEqual(["KP", "DE", "US", "GB"]);
});

test("health reports every enrichment data source with its version and date", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.data.status).toBe("loaded");
  const sources = body.data.sources as { source: string; status: string; version: string | null; date: string | null; rows: number | null }[];
  expect(sources.map((s) => s.source).sort()).toEqual(["ip.asnCsv", "ip.asnCsvV6", "ip.cityMmdbV4", "ip.cityMmdbV6", "ip.countryMmdb"]);
  for (const s of sources) {
    expect(s.status).toBe("loaded");
    expect(s.version ?? s.date).toBeTruthy();
  }
  expect(sources.find((s) => s.source === "ip.asnCsv")!.rows).toBeGreaterThan(100_000);
});

test("a missing data file fails readiness and is logged loudly at start", async () => {
  test.setTimeout(180_000);
  const { createServer } = await import("node:net");
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  // A second app on its own throwaway database, told to read the city data from a file that isn't there.
  const child = spawn(process.execPath, ["scripts/start.mjs", "--fresh-db", "--port", String(port)], {
    cwd: ROOT,
    env: { ...process.env, IP_CITY_MMDB: "/nonexistent/dbip-city-ipv4.mmdb", JOB_WORKER: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  try {
    let res: Response | null = null;
    await expect
      .poll(
        async () => {
          res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
          return res?.status ?? 0;
        },
        { timeout: 150_000, intervals: [1_000] },
      )
      .toBe(503);
    const body = await res!.json();
    expect(body.status).toBe("degraded");
    expect(body.database.status).toBe("up");
    const city = body.data.sources.find((s: { source: string }) => s.source === "ip.cityMmdbV4");
    expect(city).toMatchObject({ status: "missing" });
    expect(city.error).toContain("/nonexistent/dbip-city-ipv4.mmdb");
    expect(res!.headers.get("retry-after")).toBe("5");
    expect(log).toMatch(/\[enrichment\] 1 IP data source\(s\) could not be loaded; IP location and network checks \(LOC-01, LOC-02, LOC-03\) will not work/);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
});
