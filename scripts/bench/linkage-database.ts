// The linkage benchmark database: `hrs_bench_linkage` on the server named by a Postgres URL, migrated with the real
// Prisma CLI and seeded once; a database comment records the seed so later runs with the same N reuse it.
import pg from "pg";

import { prismaCli, runNode } from "../lib/processes.mjs";
import { seedLinkage, type SeedLog } from "./seed-linkage";

export const LINKAGE_BENCH_DATABASE = "hrs_bench_linkage";
// Bump when the generator changes, so an old seed is not mistaken for the current one.
const SEED_VERSION = 1;
const marker = (n: number) => `hrs-bench-linkage seed v${SEED_VERSION} n=${n}`;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Null when the server answers, else why not (a short message). */
export async function probeServer(serverUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres"), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type EnsureLinkageBenchOptions = {
  serverUrl: string;
  n: number;
  /** Drop and re-seed even when the database is already seeded with this N. */
  force?: boolean;
  log?: SeedLog;
};

export async function ensureLinkageBenchDatabase({ serverUrl, n, force = false, log = console.log }: EnsureLinkageBenchOptions) {
  const name = LINKAGE_BENCH_DATABASE;
  const url = withDatabase(serverUrl, name);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name]);
    if (!force && rows[0]?.comment === marker(n)) return { name, url, reused: true as const };
    log(`Creating ${name} and seeding ${n.toLocaleString("en-US")} candidates…`);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await runNode(prismaCli(), ["migrate", "deploy"], { env: { DATABASE_URL: url, CHECKPOINT_DISABLE: "1" }, label: "prisma migrate deploy" });
  // The application's own band function (lib/server is `server-only`: register the hook that lets it load here).
  await import(new URL("../lib/register-server-only.mjs", import.meta.url).href);
  const { resumeBands } = await import("../../lib/server/linkage/resume-bands");
  const seed = await seedLinkage(url, n, resumeBands, log);
  const done = new pg.Client({ connectionString: url });
  await done.connect();
  try {
    await done.query(`COMMENT ON DATABASE "${name}" IS '${marker(n)}'`);
  } finally {
    await done.end();
  }
  return { name, url, reused: false as const, seed };
}
