// Helpers for the enrichment end-to-end specs: screen one profile through each way in (the built app's API, its
// browser forms, the `npm run screen` CLI), read what each screening recorded, and start a second built app with a
// different environment. Not a spec file: Playwright only runs *.spec.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type IpObservation = { ip: string; context: "application"; at?: string };

/** The part of the API's submission format that the quick-add form and the application stage form can express. */
export type Submission = {
  externalId?: string;
  stage: "APPLICATION";
  profile: {
    candidate: { legalName: string; email: string; phone?: string; claimedLocation: { city?: string; region?: string; country: string } };
    observations?: { ips?: IpObservation[]; activityTimestamps?: string[] };
  };
};

export type IpEnrichment = {
  ip: string;
  context: string;
  at: string | null;
  valid: boolean;
  private: boolean;
  country: string | null;
  region: string | null;
  city: string | null;
  timeZone: string | null;
  registryCountry: string | null;
  asn: number | null;
  organisation: string | null;
  networkClass: "hosting" | "vpn" | "tor" | "relay" | "none" | "unknown";
  networkReason: string | null;
};

export type Enrichment = {
  ip: IpEnrichment[];
  phone: { valid: boolean; e164: string | null; country: string | null; lineType: string; matchesClaimedCountry: boolean | null } | null;
  email: { domain: string | null; disposable: boolean | null; freeProvider: boolean | null } | null;
  timeZone: {
    claimed: string | null;
    claimedFrom: string | null;
    sampleSize: number;
    shareInClaimedWorkHours: number | null;
    bestFitUtcOffsetHours: number | null;
    claimedUtcOffsetHours: number | null;
  } | null;
  ipAttribution: { text: string; href: string } | null;
};

export type Hit = { ruleId: string; indicatorIds: string[]; category: string; severity: string; summary: string; evidence: { label: string; value: string }[]; contribution: number };

/** One screening as each path reports it. */
export type Screened = { path: "api" | "browser" | "cli"; candidateId: string; score: number; band: string; rulesetVersion: number | string; hits: Hit[]; enrichment: Enrichment | null };

export type ApiScreening = {
  id: string;
  createdAt: string;
  stage: string;
  score: number;
  band: string;
  hits: Hit[];
  rulesetVersion: number | string;
  engineVersion: string;
  trigger: string;
  enrichment: Enrichment | null;
};

/** An API key made by the demo admin through the admin page (in its own browser context, so `page` stays signed out). */
export async function createApiKeyAsAdmin(browser: Browser, baseURL: string, name: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signIn(page, "admin");
    await page.goto("/admin/api-keys");
    const form = page.getByRole("form", { name: "Create API key" });
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByTestId("new-api-key").inputValue();
    expect(key).toMatch(/^hrs_[0-9A-Za-z]{32}$/);
    return key;
  } finally {
    await context.close();
  }
}

/**
 * `connection: close` on every request: the APIRequestContext pools keep-alive sockets and may reuse one the server
 * is closing after its 5 s idle timeout (read ECONNRESET; microsoft/playwright#42701) — these specs drive the browser
 * for longer than that between API calls.
 */
export const NO_KEEP_ALIVE = { connection: "close" } as const;
const bearer = (key: string) => ({ authorization: `Bearer ${key}`, ...NO_KEEP_ALIVE });

/** (a) POST /api/v1/candidates, then the stored screening as GET …/screenings returns it. */
export async function screenViaApi(request: APIRequestContext, key: string, submission: Submission): Promise<{ screened: Screened; response: { enrichment: Enrichment | null } }> {
  const res = await request.post("/api/v1/candidates", { headers: bearer(key), data: submission });
  expect(res.status(), await res.text()).toBe(201);
  const body = await res.json();
  const latest = await latestScreening(request, key, body.candidateId);
  expect(latest.id).toBe(body.screeningId);
  return { screened: { path: "api", candidateId: body.candidateId, ...pick(latest) }, response: body };
}

/** (b) The quick-add form (identity, contact, claimed location), then the application stage form (IPs, activity). */
export async function screenViaBrowser(page: Page, request: APIRequestContext, key: string, submission: Submission): Promise<Screened> {
  const { candidate, observations = {} } = submission.profile;
  const unsupported = [
    ...Object.keys(submission.profile).filter((k) => k !== "candidate" && k !== "observations"),
    ...Object.keys(candidate).filter((k) => !["legalName", "email", "phone", "claimedLocation"].includes(k)),
    ...Object.keys(observations).filter((k) => k !== "ips" && k !== "activityTimestamps"),
    ...(observations.ips ?? []).filter((o) => o.context !== "application").map((o) => `ip ${o.ip} (${o.context})`),
  ];
  if (unsupported.length) throw new Error(`screenViaBrowser can't enter ${unsupported.join(", ")}`);

  await page.goto("/candidates/new");
  await page.getByLabel("Full legal name").fill(candidate.legalName);
  await page.getByLabel("Email").fill(candidate.email);
  if (candidate.phone) await page.getByLabel("Phone").fill(candidate.phone);
  if (candidate.claimedLocation.city) await page.getByLabel("City").fill(candidate.claimedLocation.city);
  if (candidate.claimedLocation.region) await page.getByLabel("State / region").fill(candidate.claimedLocation.region);
  await page.getByLabel("Country").selectOption(candidate.claimedLocation.country);
  await page.getByRole("button", { name: "Create candidate" }).click();
  await expect(page.getByRole("status")).toHaveText("Candidate created and screened.");
  const candidateId = /\/candidates\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(candidateId, page.url()).toBeTruthy();

  if (observations.ips?.length || observations.activityTimestamps?.length) {
    await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Application" }).click();
    await expect(page.getByRole("heading", { name: "Application evidence" })).toBeVisible();
    if (observations.ips?.length) {
      await page.getByLabel("Application IP addresses").fill(observations.ips.map((o) => (o.at ? `${o.ip} ${o.at}` : o.ip)).join("\n"));
    }
    if (observations.activityTimestamps?.length) await page.getByLabel("Activity timestamps").fill(observations.activityTimestamps.join("\n"));
    await page.getByRole("button", { name: "Save and screen" }).click();
    await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  }
  const latest = await latestScreening(request, key, candidateId!);
  expect(latest.trigger).toBe("form");
  return { path: "browser", candidateId: candidateId!, ...pick(latest) };
}

export async function screenings(request: APIRequestContext, key: string, candidateId: string): Promise<ApiScreening[]> {
  const res = await request.get(`/api/v1/candidates/${candidateId}/screenings`, { headers: bearer(key) });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).screenings;
}

export async function latestScreening(request: APIRequestContext, key: string, candidateId: string): Promise<ApiScreening> {
  const [latest] = await screenings(request, key, candidateId);
  expect(latest, `candidate ${candidateId} has a screening`).toBeTruthy();
  return latest;
}

function pick(s: ApiScreening) {
  return { score: s.score, band: s.band, rulesetVersion: s.rulesetVersion, hits: s.hits, enrichment: s.enrichment };
}

type CliLine = { index: number; candidateId: string; score: number; band: string; hits: string[]; rulesetVersion: number; hitDetails: Hit[]; enrichment: Enrichment | null };

/** Runs `npm run screen -- <file>` on its own throwaway embedded database, as a user would. */
export async function runScreenCli(input: unknown, env: Record<string, string> = {}): Promise<{ code: number | null; lines: CliLine[]; stdout: string; stderr: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "hrs-e2e-screen-"));
  try {
    const file = path.join(dir, "profiles.json");
    await writeFile(file, JSON.stringify(input));
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    // Not the end-to-end run's database: the CLI's default, an in-memory embedded one.
    delete childEnv.DATABASE_URL;
    delete childEnv.DB_POOL_MAX;
    const { code, stdout, stderr } = await run("npm", ["run", "-s", "screen", "--", file], childEnv);
    const lines = stdout
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as CliLine);
    return { code, lines, stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function cliScreened(line: CliLine): Screened {
  return { path: "cli", candidateId: line.candidateId, score: line.score, band: line.band, rulesetVersion: line.rulesetVersion, hits: line.hitDetails, enrichment: line.enrichment };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type SecondServer = { baseURL: string; output: () => string; stop: () => Promise<void> };

/**
 * A second production server (`next start` of the same build) with extra environment, on its own empty database
 * (a scratch database on the DATABASE_URL server, or an in-memory embedded one hosted by this test process) and
 * without the background worker. The shared webServer is not touched. Resolves once the server's output matches
 * `waitFor` — without sending it any request, so what it logs is what it logs by itself at start.
 */
export async function startSecondServer(env: Record<string, string>, waitFor: RegExp): Promise<SecondServer> {
  const { createScratchDatabase } = await import("../../scripts/lib/scratch-database.mjs");
  const { startEmbeddedPostgres } = await import("../../scripts/lib/embedded-postgres.mjs");
  const { nextCli } = await import("../../scripts/lib/processes.mjs");
  let database: { url: string; stop: () => Promise<void> };
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "hrs_e2e_second");
    database = { url: scratch.url, stop: scratch.drop };
  } else {
    const pg = await startEmbeddedPostgres({});
    database = { url: pg.url, stop: pg.stop };
  }
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [nextCli(), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // Its own process group, so stopping it stops whatever Next starts under it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      LINK_HMAC_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      DATABASE_URL: database.url,
      DB_POOL_MAX: "1",
      JOB_WORKER: "off",
      ...env,
    },
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.stop();
  };
  try {
    await expect
      .poll(
        () => {
          if (child.exitCode !== null) throw new Error(`the second server exited (${child.exitCode}):\n${output}`);
          return waitFor.test(output);
        },
        { message: `the second server's output never matched ${waitFor}`, timeout: 90_000, intervals: [250] },
      )
      .toBe(true);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n--- output ---\n${output}`);
  }
  return { baseURL: `http://127.0.0.1:${port}`, output: () => output, stop };
}
