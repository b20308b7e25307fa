// npm run screen -- <profiles.json> [--db <url>]
//
// Screens candidate submissions in the API's format (docs/api.md; one object or an array) through the same submit
// path as the API and the form (trigger "cli"), in order — so a later profile links to an earlier one — and prints
// one JSON line per profile: { index, externalId, candidateId, score, band, hits: [ruleIds], verificationSteps,
// rulesetVersion, engineVersion, hitDetails, enrichment } (`enrichment` as the screenings API returns it).
//
// The IP data files are loaded before anything is screened; a missing or unreadable one is reported on stderr as
// loudly as the app does at start (its LOC-01/LOC-02 checks would otherwise quietly see every IP as unknown).
//
// Without --db it uses a throwaway in-memory embedded PostgreSQL (PGlite, hosted in this process) that is migrated
// on start and discarded at the end: nothing is kept. With --db it writes to that database (migrations applied).
//
// The screenings need a user to own them: the CLI creates (or reuses) `cli@localhost`, a DISABLED recruiter — it
// can never sign in (disabled users are refused), it only names who created these rows.
//
// Run through scripts/lib/register-server-only.mjs so lib/server code loads outside Next. lib/server modules are
// imported only after DATABASE_URL and DB_POOL_MAX are set, because the database client reads them on first use.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { candidateSubmissionSchema, type CandidateSubmission } from "@/lib/schemas/profile";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { prismaCli, ROOT } from "./lib/processes.mjs";

const USAGE = `Usage: npm run screen -- <profiles.json> [--db <postgres url>]

  profiles.json   One submission { externalId?, stage, profile } or an array of them (see docs/api.md,
                  docs/examples/profile.json). All are validated before any is screened.
  --db            Screen into this database (migrations are applied). Default: a throwaway embedded database.

Prints one JSON object per line and profile: { index, externalId, candidateId, score, band, hits, verificationSteps,
rulesetVersion, engineVersion, hitDetails, enrichment }. Progress and warnings go to stderr.

Environment: IP_CITY_MMDB, IP_COUNTRY_MMDB, IP_ASN_CSV (and the _V6 variants) point IP lookups at newer data files.`;

const CLI_USER_EMAIL = "cli@localhost";

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { db: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("Give exactly one profiles file.");

  const submissions = await readSubmissions(positionals[0]);
  if (!submissions) return 1;

  let stopDatabase = async () => {};
  if (values.db) {
    process.env.DATABASE_URL = values.db;
  } else {
    const pg = await startEmbeddedPostgres({});
    stopDatabase = pg.stop;
    process.env.DATABASE_URL = pg.url;
    process.env.DB_POOL_MAX = "1";
  }
  // Only the keyed hashes of account and ID numbers are stored; a throwaway run can use a throwaway key.
  process.env.LINK_HMAC_SECRET ??= randomBytes(32).toString("base64url");

  try {
    // Loud on stderr when an IP data file is missing (stdout carries only the JSON lines).
    const { loadEnrichmentData } = await import("@/lib/server/screening/enrichment-data");
    loadEnrichmentData({ info: (line) => console.error(line) });
    await migrate(process.env.DATABASE_URL);
    const { getDb, disconnectDb } = await import("@/lib/server/db");
    const { submitCandidate } = await import("@/lib/server/screening/submit-candidate");
    const { hashPassword } = await import("@/lib/server/auth/password");
    try {
      const user = await getDb().user.upsert({
        where: { email: CLI_USER_EMAIL },
        update: {},
        // A random password nobody knows, and disabled: this account exists only to own CLI rows.
        create: { email: CLI_USER_EMAIL, name: "Screening CLI", role: "RECRUITER", disabled: true, passwordHash: await hashPassword(randomBytes(32).toString("base64url")) },
        select: { id: true, email: true, name: true, role: true },
      });
      const actor = { ...user, role: "RECRUITER" as const };
      for (const [index, submission] of submissions.entries()) {
        const result = await submitCandidate({ actor, submission, trigger: "cli" });
        const { assessment } = result;
        console.log(
          JSON.stringify({
            index,
            externalId: submission.externalId ?? null,
            candidateId: result.candidateId,
            score: assessment.score,
            band: assessment.band,
            hits: assessment.hits.map((h) => h.ruleId),
            verificationSteps: assessment.verificationSteps.map((s) => ({ id: s.id, text: s.text, severity: s.severity, ruleIds: s.ruleIds })),
            rulesetVersion: assessment.rulesetVersion,
            engineVersion: assessment.engineVersion,
            hitDetails: assessment.hits.map((h) => ({
              ruleId: h.ruleId,
              indicatorIds: h.indicatorIds,
              category: h.category,
              severity: h.severity,
              summary: h.summary,
              evidence: h.evidence,
              contribution: h.contribution,
            })),
            enrichment: result.enrichment,
          }),
        );
      }
    } finally {
      await disconnectDb();
    }
  } finally {
    await stopDatabase();
  }
  return 0;
}

/** Parses and validates every submission first: one bad profile stops the run before anything is screened. */
async function readSubmissions(file: string): Promise<CandidateSubmission[] | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    console.error(`${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
    return null;
  }
  const items = Array.isArray(data) ? data : [data];
  const valid: CandidateSubmission[] = [];
  let failed = false;
  for (const [index, item] of items.entries()) {
    const parsed = candidateSubmissionSchema.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    failed = true;
    console.error(`profile ${index}: invalid`);
    for (const issue of parsed.error.issues) console.error(`  ${issue.path.length ? issue.path.join(".") : "(profile)"}: ${issue.message}`);
  }
  if (failed) {
    console.error("Nothing was screened.");
    return null;
  }
  return valid;
}

/** `prisma migrate deploy` as a child process (async: this process may be hosting the database), its output on stderr
 * so that stdout carries only the JSON lines. */
function migrate(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli(), "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", 2, 2],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (${signal ?? `exit ${code}`})`))));
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error("screen failed:", error);
    process.exit(1);
  });
