// npm run eval [-- --json <file>] [--only <id-substring>]
//
// Our own labelled evaluation (tests/eval/README.md): screens every scenario of tests/eval — fraud patterns from the
// advisories and DOJ cases, and innocent look-alikes — through the real submit path (the body parsed with the API's
// zod schema, then the use case behind POST /api/v1/candidates), each after its own earlier applicants, on a
// throwaway database. Prints a confusion matrix by band, the rules that fired on innocent scenarios, every failing
// scenario with its hits, and one summary line. Exits 1 when a fraud scenario ends below HIGH or an innocent one
// above LOW (2 when the scenario set itself is broken), so CI fails.
//
// Database: with DATABASE_URL set, a scratch database on that server (created, migrated, dropped); without it an
// in-memory embedded PostgreSQL hosted in this process. The sanctions list is the project's OFAC fixture list
// (tests/fixtures/ofac), imported as an admin would. Screening time is pinned (EVAL_AS_OF) so results don't drift
// with the calendar. The ruleset is whatever a fresh installation publishes: the engine's default.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BANDS, type Band } from "@/lib/engine";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { checkScenarios, SCENARIOS, type Scenario } from "../tests/eval/scenarios";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { prismaCli, ROOT } from "./lib/processes.mjs";
import { createScratchDatabase } from "./lib/scratch-database.mjs";

const EVAL_AS_OF = new Date("2026-11-30T12:00:00Z");
const EVAL_USER_EMAIL = "eval@localhost";
const OFAC_FIXTURES = path.join(ROOT, "tests/fixtures/ofac");
const PASSING: Record<Scenario["expected"], readonly Band[]> = { fraud: ["HIGH", "CRITICAL"], innocent: ["CLEAR", "LOW"] };

type Outcome = {
  id: string;
  expected: Scenario["expected"];
  title: string;
  score: number;
  band: Band;
  pass: boolean;
  /** A documented known limit (Scenario.limit): reported apart, not counted. */
  limit?: string;
  hits: { ruleId: string; severity: string; contribution: number }[];
  suppressed: string[];
};

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: "string" }, only: { type: "string" } } });
  const problems = checkScenarios();
  if (problems.length) {
    console.error(`The scenario set is broken (${problems.length} problem(s)):`);
    for (const p of problems) console.error(`  ${p}`);
    return 2;
  }
  const scenarios = values.only ? SCENARIOS.filter((s) => s.id.includes(values.only!)) : SCENARIOS;

  let stopDatabase: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "hrs_eval");
    process.env.DATABASE_URL = scratch.url;
    stopDatabase = scratch.drop;
  } else {
    const pg = await startEmbeddedPostgres({});
    process.env.DATABASE_URL = pg.url;
    process.env.DB_POOL_MAX = "1";
    stopDatabase = pg.stop;
  }
  // Only keyed hashes of account numbers are stored; a throwaway database can use a throwaway key.
  process.env.LINK_HMAC_SECRET ??= randomBytes(32).toString("base64url");

  try {
    await migrate(process.env.DATABASE_URL);
    const { loadEnrichmentData } = await import("@/lib/server/screening/enrichment-data");
    loadEnrichmentData({ info: () => {} });
    const { getDb, disconnectDb } = await import("@/lib/server/db");
    const { submitCandidate } = await import("@/lib/server/screening/submit-candidate");
    const { importSanctionsList } = await import("@/lib/server/sanctions/import-sanctions-list");
    const { createSystemActor } = await import("@/lib/server/sanctions/system-actor");
    const { hashPassword } = await import("@/lib/server/auth/password");
    try {
      const file = (name: string) => ({ name, content: readFileSync(path.join(OFAC_FIXTURES, name), "utf8") });
      await importSanctionsList({ actor: createSystemActor("eval"), files: [file("sdn.csv"), file("alt.csv"), file("add.csv")], publishedAt: new Date("2025-11-04T00:00:00Z") });
      const user = await getDb().user.create({
        // Disabled, with a password nobody knows: it only owns the evaluation's rows.
        data: { email: EVAL_USER_EMAIL, name: "Evaluation", role: "RECRUITER", disabled: true, passwordHash: await hashPassword(randomBytes(32).toString("base64url")) },
        select: { id: true, email: true, name: true, role: true },
      });
      const actor = { ...user, role: "RECRUITER" as const };
      const screen = (body: unknown) => submitCandidate({ actor, submission: candidateSubmissionSchema.parse(body), trigger: "api", asOf: EVAL_AS_OF });

      const outcomes: Outcome[] = [];
      let rulesetVersion: string | number = "?";
      let engineVersion = "?";
      for (const s of scenarios) {
        for (const prior of s.priorApplicants ?? []) await screen(prior);
        const { assessment } = await screen(s.submission);
        rulesetVersion = assessment.rulesetVersion;
        engineVersion = assessment.engineVersion;
        outcomes.push({
          id: s.id,
          expected: s.expected,
          title: s.title,
          score: assessment.score,
          band: assessment.band,
          pass: PASSING[s.expected].includes(assessment.band),
          limit: s.limit?.reason,
          hits: assessment.hits.map((h) => ({ ruleId: h.ruleId, severity: h.severity, contribution: h.contribution })),
          suppressed: assessment.suppressed.map((x) => x.ruleId),
        });
      }
      report(outcomes, `ruleset ${rulesetVersion}, engine ${engineVersion}`);
      if (values.json) writeFileSync(values.json, `${JSON.stringify({ asOf: EVAL_AS_OF.toISOString(), rulesetVersion, engineVersion, outcomes }, null, 2)}\n`);
      return outcomes.every((o) => o.pass || o.limit) ? 0 : 1;
    } finally {
      await disconnectDb();
    }
  } finally {
    await stopDatabase();
  }
}

/** `prisma migrate deploy` as a child process (this process may be hosting the database); its output only on failure. */
function migrate(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli(), "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(new Error(`prisma migrate deploy failed (${signal ?? `exit ${code}`})`));
    });
  });
}

function report(all: Outcome[], versions: string) {
  const limits = all.filter((o) => o.limit);
  const outcomes = all.filter((o) => !o.limit);
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  console.log("Confusion matrix (rows: expected; columns: band; a fraud scenario passes at HIGH or CRITICAL, an innocent one at CLEAR or LOW)\n");
  console.log(`${"".padEnd(18)}${BANDS.map((b) => pad(b, 10)).join("")}${pad("total", 8)}${pad("pass", 7)}`);
  for (const expected of ["fraud", "innocent"] as const) {
    const rows = outcomes.filter((o) => o.expected === expected);
    const cells = BANDS.map((b) => pad(rows.filter((o) => o.band === b).length, 10)).join("");
    console.log(`${`expected ${expected}`.padEnd(18)}${cells}${pad(rows.length, 8)}${pad(rows.filter((o) => o.pass).length, 7)}`);
  }

  const onInnocents = new Map<string, string[]>();
  for (const o of outcomes.filter((x) => x.expected === "innocent"))
    for (const h of o.hits) onInnocents.set(h.ruleId, [...(onInnocents.get(h.ruleId) ?? []), o.id]);
  console.log("\nRules that fired on innocent scenarios");
  if (onInnocents.size === 0) console.log("  none");
  for (const [ruleId, ids] of [...onInnocents].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])))
    console.log(`  ${ruleId.padEnd(36)}${pad(ids.length, 3)}  ${ids.join(", ")}`);

  const failing = outcomes.filter((o) => !o.pass);
  console.log(`\nFailing scenarios (${failing.length})`);
  if (failing.length === 0) console.log("  none");
  for (const o of failing) {
    const hits = o.hits.map((h) => `${h.ruleId} ${h.severity} +${h.contribution}`).join(", ") || "no hits";
    console.log(`  ${o.id} — expected ${o.expected}, got ${o.band} (${o.score}): ${hits}${o.suppressed.length ? `; suppressed: ${o.suppressed.join(", ")}` : ""}`);
  }

  console.log(`\nKnown limits, not counted (${limits.length}; tests/eval/README.md)`);
  if (limits.length === 0) console.log("  none");
  for (const o of limits) {
    const hits = o.hits.map((h) => `${h.ruleId} ${h.severity} +${h.contribution}`).join(", ") || "no hits";
    console.log(`  ${o.id} — ${o.expected}, ${o.band} (${o.score})${o.pass ? ", now passes: remove the limit" : ""}: ${hits}\n      why: ${o.limit}`);
  }

  const fraud = outcomes.filter((o) => o.expected === "fraud");
  const innocent = outcomes.filter((o) => o.expected === "innocent");
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : "n/a");
  const fraudPass = fraud.filter((o) => o.pass).length;
  const innocentPass = innocent.filter((o) => o.pass).length;
  console.log(
    `\neval: ${outcomes.length} scenarios (+${limits.length} known limits) — fraud at HIGH+ ${fraudPass}/${fraud.length} (${pct(fraudPass, fraud.length)}), ` +
      `innocent at LOW or below ${innocentPass}/${innocent.length} (${pct(innocentPass, innocent.length)}); ` +
      `${failing.length === 0 ? "PASS" : `FAIL (${failing.length} failing)`}; ${versions}`,
  );
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error("eval failed:", error);
    process.exit(3);
  });
