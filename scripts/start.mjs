#!/usr/bin/env node
// `npm start`: everything a fresh clone needs, in one process tree.
//   - no DATABASE_URL → embedded PostgreSQL (PGlite) persisted in ./.data/pglite, demo data seeded on first start;
//   - DATABASE_URL set → that server (migrations applied; demo data only via `npm run db:seed`);
//   - builds the app when there is no build or the sources are newer than it, then runs `next start`.
// Ctrl-C (SIGINT) or SIGTERM stops Next first, then the database, so nothing is left running.
// Options: --dev (next dev), --port N, --fresh-db (a throwaway database, for end-to-end tests).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { createScratchDatabase } from "./lib/scratch-database.mjs";
import { nextCli, prismaCli, ROOT, runNode, SERVER_SCRIPT_ARGS } from "./lib/processes.mjs";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const freshDb = args.includes("--fresh-db");
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 3000);
const DATA_DIR = path.join(ROOT, ".data");

const log = (msg) => console.log(`[start] ${msg}`);
const cleanups = [];
let shuttingDown = false;

async function main() {
  if (existsSync(path.join(ROOT, ".env"))) process.loadEnvFile(path.join(ROOT, ".env"));
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    AUTH_TRUST_HOST: "true",
    ...loadOrCreateSecrets(),
  };

  let embedded = false;
  if (freshDb && process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "hrs_e2e");
    cleanups.push(() => scratch.drop());
    env.DATABASE_URL = scratch.url;
    log(`throwaway database ${scratch.name}`);
  } else if (process.env.DATABASE_URL && !freshDb) {
    env.DATABASE_URL = process.env.DATABASE_URL;
    log("using the PostgreSQL server in DATABASE_URL");
  } else {
    embedded = true;
    const pg = await startEmbeddedPostgres({
      dataDir: freshDb ? undefined : path.join(DATA_DIR, "pglite"),
      port: Number(process.env.PGLITE_PORT ?? 0),
    });
    cleanups.push(() => pg.stop());
    env.DATABASE_URL = pg.url;
    env.DB_POOL_MAX = "1";
    log(freshDb ? `embedded PostgreSQL (in memory) on port ${pg.port}` : `embedded PostgreSQL in .data/pglite on port ${pg.port}`);
  }
  Object.assign(process.env, env);

  if (!existsSync(path.join(ROOT, "lib/server/db/generated/client.ts"))) {
    await runNode(prismaCli(), ["generate"], { label: "prisma generate" });
  }
  log("applying migrations…");
  await runNode(prismaCli(), ["migrate", "deploy"], { label: "prisma migrate deploy" });
  if (embedded || freshDb) {
    await runNode("prisma/seed.ts", ["--if-empty"], { label: "seed", nodeArgs: SERVER_SCRIPT_ARGS });
  }

  if (!dev && buildIsStale()) {
    log("building the app (first start or changed sources)…");
    await runNode(nextCli(), ["build"], { label: "next build" });
  }

  log(`starting on http://localhost:${port}`);
  // Our HTTP server in front of Next (client address, body limits, HSTS: scripts/server.mjs), for dev and production.
  const child = spawn(process.execPath, ["scripts/server.mjs", ...(dev ? ["--dev"] : []), "--port", String(port)], { cwd: ROOT, env: process.env, stdio: "inherit" });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  cleanups.unshift(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
  });
  const code = await exited;
  if (!shuttingDown) {
    log(`the app exited (code ${code})`);
    await shutdown(code === 0 ? 0 : 1);
  }
}

/** AUTH_SECRET and LINK_HMAC_SECRET from the environment, else generated once and kept in .data/secrets.json. */
function loadOrCreateSecrets() {
  const wanted = ["AUTH_SECRET", "LINK_HMAC_SECRET"];
  if (wanted.every((k) => process.env[k])) return {};
  if (freshDb) return Object.fromEntries(wanted.map((k) => [k, process.env[k] ?? randomBytes(32).toString("base64url")]));
  const file = path.join(DATA_DIR, "secrets.json");
  let stored = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8"));
  let changed = false;
  for (const k of wanted) {
    if (!stored[k]) {
      stored[k] = randomBytes(32).toString("base64url");
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return Object.fromEntries(wanted.filter((k) => !process.env[k]).map((k) => [k, stored[k]]));
}

/** True when there is no production build, or any source file is newer than it. */
function buildIsStale() {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package.json", "postcss.config.mjs", "prisma/schema.prisma"];
  return sources.some((s) => newestMtime(path.join(ROOT, s)) > builtAt);
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules" || entry === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const fn of cleanups) {
    try {
      await fn();
    } catch (error) {
      console.error("[start] cleanup failed:", error);
    }
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    log(`${signal} received, stopping…`);
    void shutdown(0);
  });
}

main().catch(async (error) => {
  console.error(`[start] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
