import chromium from "@sparticuz/chromium";
import { defineConfig } from "@playwright/test";

// End-to-end tests drive a real Chromium against the production build, served by the same start script as
// `npm start`, on a throwaway database. The browser comes from npm (@sparticuz/chromium ships the binary inside the
// package and unpacks it into the temp folder once), so `npm install && npm test` needs no system browser and no
// download; CHROMIUM_PATH points at another build instead (e.g. Debian's /usr/bin/chromium).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const executablePath = process.env.CHROMIUM_PATH || (await chromium.executablePath());

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      // Our own flags, not the package's Lambda set (which turns web security off and would hide CSRF/CORS bugs).
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--font-render-hinting=none",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `node scripts/start.mjs --fresh-db --port ${PORT}`,
    // The sign-in page, not /api/health: a server that starts but fails its readiness check (a missing data file)
    // must still be tested, so the health test can say what is wrong instead of the whole run timing out.
    url: `http://127.0.0.1:${PORT}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
