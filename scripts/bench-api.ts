// npm run bench:api [-- --seconds 30 --clients 20 --seed 100000 --port 3300] [-- --no-audit-chain]
//
// End-to-end API benchmark against the production build:
//   1. a scratch database on the PostgreSQL server in DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
//      migrated, with 100,000 candidates bulk-inserted in SQL (minimal but realistic rows, profile JSON included);
//   2. an API key created with the same use case as the admin page;
//   3. the app started with `node scripts/start.mjs --port 3300` on that database (it builds when needed);
//   4. N concurrent clients (plain fetch, keep-alive) POST full profiles to /api/v1/candidates for S seconds.
// Prints throughput, p50/p95/p99 latency (target: p95 ≤ 50 ms) and errors; then stops the app and drops the database.
// --no-audit-chain disables the audit hash-chain triggers (ADR 0010) after migrating, to measure what chaining costs.
// Run through scripts/lib/register-server-only.mjs (it loads lib/server to create the key).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { prismaCli, ROOT, runNode } from "./lib/processes.mjs";
import { createScratchDatabase } from "./lib/scratch-database.mjs";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "30" },
    clients: { type: "string", default: "20" },
    seed: { type: "string", default: "100000" },
    port: { type: "string", default: "3300" },
    "no-audit-chain": { type: "boolean", default: false },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const SEED = Number(values.seed);
const PORT = Number(values.port);
const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BASE = `http://127.0.0.1:${PORT}`;

const log = (msg: string) => console.log(`[bench:api] ${msg}`);

async function main() {
  const scratch = await createScratchDatabase(SERVER_URL, "hrs_bench");
  let app: ChildProcess | undefined;
  try {
    log(`scratch database ${scratch.name}`);
    await runNode(prismaCli(), ["migrate", "deploy"], { env: { DATABASE_URL: scratch.url, CHECKPOINT_DISABLE: "1" }, label: "prisma migrate deploy" });

    const key = await seed(scratch.url);
    if (values["no-audit-chain"]) {
      const c = new pg.Client({ connectionString: scratch.url });
      await c.connect();
      await c.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_chain, DISABLE TRIGGER audit_events_chain_head");
      await c.end();
      log("audit hash chain triggers disabled (--no-audit-chain)");
    }

    log(`starting the app on port ${PORT} (builds first if the build is stale)…`);
    app = spawn(process.execPath, ["scripts/start.mjs", "--port", String(PORT)], {
      cwd: ROOT,
      // The per-key rate limit would cap the load this benchmark measures.
      env: { ...process.env, DATABASE_URL: scratch.url, PORT: String(PORT), API_RATE_LIMIT_PER_SECOND: "100000", API_RATE_LIMIT_BURST: "100000" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForHealth(app);

    const example = JSON.parse(await readFile(path.join(ROOT, "docs/examples/profile.json"), "utf8"));
    const post = (body: unknown) =>
      fetch(`${BASE}/api/v1/candidates`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });

    log("warming up (route compilation, caches, connection pool)…");
    for (let i = 0; i < 40; i++) {
      const res = await post(profileFor(example));
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`warm-up request failed with HTTP ${res.status}: ${await res.text()}`);
    }

    log(`${CLIENTS} clients posting full profiles for ${SECONDS} s…`);
    const latencies: number[] = [];
    const errors = new Map<string, number>();
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          const body = profileFor(example);
          const t0 = performance.now();
          try {
            const res = await post(body);
            await res.arrayBuffer();
            const ms = performance.now() - t0;
            if (res.status === 201) latencies.push(ms);
            else errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1);
          } catch (error) {
            const name = error instanceof Error ? error.message : String(error);
            errors.set(name, (errors.get(name) ?? 0) + 1);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    const p95 = pct(95);
    console.log("");
    console.log(`POST /api/v1/candidates — ${CLIENTS} clients, ${elapsed.toFixed(1)} s, ${SEED.toLocaleString("en")} seeded candidates`);
    console.log(`  requests   ${latencies.length + errorCount} (${latencies.length} ok, ${errorCount} errors${errorCount ? `: ${[...errors].map(([k, v]) => `${k} ×${v}`).join(", ")}` : ""})`);
    console.log(`  throughput ${(latencies.length / elapsed).toFixed(1)} req/s`);
    console.log(`  latency    p50 ${pct(50).toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · p99 ${pct(99).toFixed(1)} ms · max ${latencies.at(-1)?.toFixed(1)} ms`);
    console.log(`  target     p95 ≤ 50 ms: ${p95 <= 50 ? "met" : "NOT met"}`);
    console.log("");
    process.exitCode = errorCount ? 1 : 0;
  } finally {
    if (app) await stopApp(app);
    await scratch.drop();
    log("stopped the app and dropped the scratch database");
  }
}

/** 100k candidates in one INSERT … SELECT generate_series, an admin, and an API key made by the real use case. */
async function seed(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let adminId: string;
  try {
    adminId = randomUUID();
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES ($1, 'bench-admin@example.com', 'Bench Admin', $2, 'ADMIN', now())`,
      [adminId, `!${randomBytes(16).toString("hex")}`],
    );
    const t0 = performance.now();
    await client.query(
      `INSERT INTO candidates (id, external_id, full_name, email, phone, claimed_city, claimed_region, claimed_country, stage, profile,
                               latest_score, latest_band, created_by_id, updated_by_id, created_at, updated_at)
       SELECT gen_random_uuid(), 'seed-' || i, name, email, phone, city, region, 'US',
              (ARRAY['APPLICATION','INTERVIEW','OFFER','ONBOARDING','HIRED']::"Stage"[])[1 + i % 5],
              jsonb_build_object(
                'candidate', jsonb_build_object('legalName', name, 'email', email, 'phone', phone,
                                                'claimedLocation', jsonb_build_object('city', city, 'region', region, 'country', 'US')),
                'application', jsonb_build_object('submittedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'claimedYearsExperience', i % 15),
                'workHistory', jsonb_build_array(jsonb_build_object('employerName', 'Employer ' || (i % 5000), 'title', 'Software Engineer', 'start', '2019-01-01', 'current', true))
              ),
              score, CASE WHEN score >= 80 THEN 'CRITICAL' WHEN score >= 60 THEN 'HIGH' WHEN score >= 35 THEN 'ELEVATED' WHEN score >= 10 THEN 'LOW' ELSE 'CLEAR' END,
              $1, $1, at, at
       FROM (
         SELECT i,
                (ARRAY['Avery','Blake','Casey','Devon','Emerson','Finley','Harper','Jordan','Kendall','Logan'])[1 + i % 10] || ' ' ||
                (ARRAY['Smith','Johnson','Lee','Garcia','Brown','Nguyen','Miller','Davis','Lopez','Wilson'])[1 + (i / 10) % 10] || ' ' || i AS name,
                'seed.' || i || '@example.com' AS email,
                '+1 206 555 ' || lpad((i % 10000)::text, 4, '0') AS phone,
                (ARRAY['Seattle','Austin','Denver','Chicago','Boston'])[1 + i % 5] AS city,
                (ARRAY['WA','TX','CO','IL','MA'])[1 + i % 5] AS region,
                (i * 7919) % 100 AS score,
                now() - (i || ' minutes')::interval AS at
         FROM generate_series(1, $2::int) AS i
       ) s`,
      [adminId, SEED],
    );
    await client.query("ANALYZE candidates");
    log(`seeded ${SEED.toLocaleString("en")} candidates in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }

  process.env.DATABASE_URL = url;
  const { createApiKey } = await import("@/lib/server/api-keys/create-api-key");
  const { disconnectDb } = await import("@/lib/server/db");
  const admin = { id: adminId, email: "bench-admin@example.com", name: "Bench Admin", role: "ADMIN" as const };
  const created = await createApiKey({ actor: admin, input: { name: "bench", role: "RECRUITER" } });
  await disconnectDb();
  log(`API key ${created.prefix}… created`);
  return created.key;
}

/** The example profile with this request's own identifiers, so candidates don't all link to one another. */
function profileFor(example: { profile: Record<string, unknown> & { candidate: Record<string, unknown>; observations: Record<string, unknown> } }) {
  const tag = randomBytes(6).toString("hex");
  const n = parseInt(tag.slice(0, 6), 16);
  const octet = (k: number) => (n >> k) & 0xff;
  return {
    ...example,
    externalId: `bench-${tag}`,
    profile: {
      ...example.profile,
      candidate: {
        ...example.profile.candidate,
        email: `bench.${tag}@example.com`,
        phone: `+1 206 555 ${String(n % 10000).padStart(4, "0")}`,
        homeAddress: { line1: `${n % 9000} Example Avenue`, city: "Seattle", region: "WA", postalCode: "98101", country: "US" },
      },
      observations: {
        ...example.profile.observations,
        ips: [
          { ip: `100.${octet(0)}.${octet(8)}.${octet(16) || 1}`, context: "application", at: "2026-03-02T03:14:00Z" },
          { ip: `100.${octet(8)}.${octet(16)}.${octet(0) || 2}`, context: "interview", at: "2026-03-09T02:30:00Z" },
        ],
        deviceFingerprints: [`fp-${tag}`],
        resumeText: `Engineer ${tag}. ${RESUME_LINES.filter((_, i) => (n >> i) & 1).join(" ")}`,
      },
    },
  };
}

const RESUME_LINES = [
  "Built payment dashboards in React and TypeScript.",
  "Ran Kubernetes clusters on three clouds.",
  "Led a team of four backend engineers.",
  "Migrated a monolith to event-driven services.",
  "Wrote data pipelines in Python and Airflow.",
  "Maintained a design system used by twelve teams.",
  "Designed PostgreSQL schemas for a logistics platform.",
  "Shipped iOS and Android apps with React Native.",
  "Automated CI/CD with GitHub Actions and Terraform.",
  "Tuned JVM services for low-latency trading.",
  "Built internal tooling for customer support.",
  "Integrated Stripe, Plaid and Twilio APIs.",
];

async function waitForHealth(app: ChildProcess) {
  const exited = new Promise<never>((_, reject) => app.once("exit", (code) => reject(new Error(`the app exited early (code ${code})`))));
  const poll = (async () => {
    const until = Date.now() + 15 * 60_000;
    while (Date.now() < until) {
      try {
        const res = await fetch(`${BASE}/api/health`);
        if (res.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error("the app did not become healthy in 15 minutes");
  })();
  exited.catch(() => {}); // after startup, the app exiting is stopApp's business
  await Promise.race([poll, exited]);
}

async function stopApp(app: ChildProcess) {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise((resolve) => app.once("exit", resolve));
  app.kill("SIGTERM");
  const timer = setTimeout(() => app.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

main().catch((error) => {
  console.error("[bench:api] failed:", error);
  process.exitCode = 1;
});
