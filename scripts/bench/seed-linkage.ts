// Bulk seeder for the linkage benchmark: N candidates (default 1,000,000) with realistic identifiers and résumé LSH
// bands, written into a freshly migrated database.
//
//   npx tsx scripts/bench/seed-linkage.ts [--n 1000000] [--force] [--url postgresql://postgres@127.0.0.1:5432/postgres]
//
// creates (or reuses, when already seeded with the same N) the database `hrs_bench_linkage` on that server.
//
// Speed: pg has no COPY without pg-copy-streams (not installed), and shipping ~7M rows through the client would
// dominate anyway, so the rows are generated inside Postgres with generate_series + INSERT … SELECT (deterministic
// hashint8 streams instead of random(), so every seed is identical). Secondary indexes and the primary keys of
// the two linkage tables are dropped first and rebuilt after the load (sorted builds instead of ~7M random B-tree
// and GIN inserts); FK triggers are off (session_replication_role = replica) because the generator is consistent
// by construction. Only the ~1 % fraud-cluster résumés are computed in JS (real near-duplicate texts + MinHash).
//
// Data shape per candidate: EMAIL, PHONE, ADDRESS, DEVICE, IP, EMPLOYER (+ a second for 30 %), SHIP_TO (20 %),
// BANK (10 %), GOV_ID (5 %) ≈ 6.6 identifier rows, and one résumé row. Sharing:
// - 1 % of candidates (i % 100 = 7) form fraud clusters of 10 (cluster = i / 1000): shared phone (⅔), device (¾),
//   ship-to laptop-farm address (½), bank account (⅕), a staffing-agency employer, near-duplicate résumés.
// - 30 % of IPs come from a pool of 20,000 carrier-NAT/VPN addresses (≈ 15 candidates each).
// - Employers are log-uniform over 50,000 names (the most common one is listed by ≈ 6 % of candidates).
// - 0.2 % of emails are re-used by the next candidate (re-applications).
import { pathToFileURL } from "node:url";
import pg from "pg";

import { clusterTemplate, memberResume } from "./linkage-resumes";

export type SeedLog = (message: string) => void;

const FIRST = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris", "Karen", "Daniel", "Lisa",
  "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Emily", "Min-jun", "Ji-hoon", "Wei", "Fang",
  "Priya", "Rahul", "Olga", "Ivan", "Maria", "Jose", "Ahmed", "Fatima", "Kenji", "Yuki", "Anh", "Minh", "Lucas", "Sofia"];
const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
  "Perez", "Thompson", "White", "Harris", "Kim", "Park", "Chen", "Wang", "Nguyen", "Patel", "Singh", "Ivanov", "Petrov",
  "Silva", "Santos", "Tanaka", "Sato", "Muller", "Schmidt", "Rossi", "Costa", "Khan", "Ali", "Cohen", "Walker"];
const DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "hotmail.com", "example.com", "mail.com"];
const STREETS = ["main", "oak", "pine", "maple", "cedar", "elm", "washington", "lake", "hill", "park", "thomas", "camelback",
  "broadway", "sunset", "highland", "river", "church", "spring", "center", "jefferson", "lincoln", "madison", "adams"];
const SUFFIXES = ["st", "ave", "rd", "blvd", "dr", "ln", "way", "ct", "pl", "ter"];
const CITIES = ["phoenix", "dallas", "austin", "denver", "seattle", "portland", "atlanta", "miami", "chicago", "boston",
  "tampa", "houston", "nashville", "columbus", "charlotte", "raleigh", "san jose", "san diego", "las vegas", "tucson"];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

/** Deterministic non-negative pseudo-random int for candidate expression `x` and stream `salt` (0–31). */
const H = (salt: number, x = "g.i") => `(hashint8((${x})::bigint * 64 + ${salt})::bigint & 2147483647)`;
const pick = (values: string[], salt: number, x = "g.i") => `(${sqlArray(values)})[1 + ${H(salt, x)} % ${values.length}]`;
const candidateId = (x = "g.i") => `md5('c' || (${x}))::uuid`;
const email = (x: string) => `lower(${pick(FIRST, 1, x)} || '.' || ${pick(LAST, 2, x)}) || (${x}) || '@' || ${pick(DOMAINS, 3, x)}`;
const createdAt = `(timestamptz '2026-11-01T00:00:00Z' - (${H(24)} % 1095) * interval '1 day' - (${H(25)} % 86400) * interval '1 second')`;
const inCluster = "(g.i % 100 = 7)";
const cluster = "(g.i / 1000)";
const wave = "((g.i / 100) % 10)";
const homeAddress = `(1 + ${H(6)} % 9999) || ' ' || ${pick(STREETS, 7)} || ' ' || ${pick(SUFFIXES, 8)} || ' ' || ${pick(CITIES, 9)} || ' ' || (10000 + ${H(10)} % 89999)`;

const employer = (salt: number) => `'employer ' || floor(exp((${H(salt)} % 1000000) / 1000000.0::float8 * ln(50000::float8)))::int`;

/**
 * Every generated attribute of candidate i ($N = n), computed once per candidate (nParam: the placeholder holding n): OFFSET 0 keeps the planner from
 * inlining these expressions into each of the ~6.6 identifier rows a candidate yields.
 */
const perCandidate = (nParam: string) => `
  SELECT g.i, ${candidateId()} AS id, ${createdAt} AS ts,
    ${pick(FIRST, 1)} || ' ' || ${pick(LAST, 2)} AS full_name,
    CASE WHEN g.i % 500 = 3 AND g.i > 1 THEN ${email("g.i - 1")} ELSE ${email("g.i")} END AS email,
    CASE WHEN ${inCluster} AND ${wave} % 3 <> 0 THEN '+1555' || lpad(${cluster}::text, 7, '0')
         ELSE '+1' || (201 + ${H(4)} % 798) || lpad((${H(5)} % 10000000)::text, 7, '0') END AS phone,
    a.address,
    CASE WHEN ${inCluster} AND ${wave} % 2 = 0 THEN (100 + ${cluster} % 9000) || ' w farm rd # ' || ${cluster} || ' phoenix 85015'
         WHEN ${H(11)} % 5 = 0 THEN a.address END AS ship_to,
    CASE WHEN ${inCluster} AND ${wave} % 4 <> 1 THEN 'farm-device-' || ${cluster} ELSE md5('d' || g.i) END AS device,
    CASE WHEN ${inCluster} THEN '45.' || (${cluster} % 256) || '.' || (${cluster} / 256 % 256) || '.1'
         WHEN ${H(12)} % 10 < 3 THEN '172.58.' || (${H(13)} % 20000 / 256) || '.' || (${H(13)} % 20000 % 256)
         ELSE (1 + ${H(14)} % 223) || '.' || (${H(15)} % 256) || '.' || (${H(16)} % 256) || '.' || (1 + ${H(17)} % 254) END AS ip,
    CASE WHEN ${inCluster} THEN 'nimbus staffing ' || ${cluster} ELSE ${employer(18)} END AS employer1,
    CASE WHEN ${H(19)} % 10 < 3 AND ${employer(20)} <> ${employer(18)} THEN ${employer(20)} END AS employer2,
    CASE WHEN ${inCluster} AND ${wave} % 5 = 0 THEN md5('bank' || ${cluster}) || md5('bank2' || ${cluster})
         WHEN ${H(21)} % 10 = 0 THEN md5('b' || g.i) || md5('bb' || g.i) END AS bank,
    CASE WHEN ${inCluster} AND ${wave} % 5 = 0 THEN lpad((${cluster} % 10000)::text, 4, '0')
         WHEN ${H(21)} % 10 = 0 THEN lpad((${H(22)} % 10000)::text, 4, '0') END AS bank4,
    CASE WHEN ${H(23)} % 20 = 0 THEN md5('g' || g.i) || md5('gg' || g.i) END AS gov_id,
    CASE WHEN ${H(23)} % 20 = 0 THEN lpad((${H(26)} % 10000)::text, 4, '0') END AS gov4
  FROM generate_series(1, ${nParam}::int) AS g(i)
  CROSS JOIN LATERAL (SELECT ${homeAddress} AS address) AS a
  OFFSET 0`;

async function timed<T>(log: SeedLog, label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

type IndexDef = { table: string; name: string; def: string; constraint: boolean };

/** Secondary indexes of the three bulk tables, plus the primary keys nothing references (rebuilt after the load). */
async function droppableIndexes(client: pg.Client): Promise<IndexDef[]> {
  const { rows } = await client.query<{ table: string; name: string; indexdef: string; condef: string | null; contype: string | null }>(`
    SELECT t.relname AS table, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS indexdef,
           pg_get_constraintdef(con.oid) AS condef, con.contype::text AS contype
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class t ON t.oid = i.indrelid
    LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = t.oid AND con.contype IN ('p', 'u')
    WHERE t.relname IN ('candidates', 'candidate_identifiers', 'candidate_resumes') AND t.relnamespace = 'public'::regnamespace`);
  return rows
    .filter((r) => !(r.table === "candidates" && r.contype)) // candidates_pkey is referenced by foreign keys
    .map((r) => ({ table: r.table, name: r.name, def: r.contype ? (r.condef as string) : r.indexdef, constraint: Boolean(r.contype) }));
}

/**
 * Fills a freshly migrated, empty database with `n` candidates. Returns row counts and the elapsed time.
 * `bandsFor` computes résumé LSH bands (the application's own function, passed in so this file needs no lib/server).
 */
export async function seedLinkage(url: string, n: number, bandsFor: (text: string) => number[], log: SeedLog = console.log) {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM candidates");
    if (existing.rows[0].n > 0) throw new Error("seedLinkage needs an empty database");
    await client.query(`SET session_replication_role = replica; SET synchronous_commit = off;
      SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET max_parallel_maintenance_workers = 2`);

    const indexes = await droppableIndexes(client);
    for (const ix of indexes) {
      await client.query(ix.constraint ? `ALTER TABLE "${ix.table}" DROP CONSTRAINT "${ix.name}"` : `DROP INDEX "${ix.name}"`);
    }

    const userId = "00000000-0000-4000-8000-00000000be0c";
    await client.query(`INSERT INTO users (id, email, name, password_hash, role, updated_at)
      VALUES ($1, 'bench@example.invalid', 'Linkage benchmark', 'disabled', 'ADMIN', now()) ON CONFLICT DO NOTHING`, [userId]);

    // Résumés outside the clusters: unrelated texts, so their bands are effectively random (32 independent streams).
    const bands = Array.from({ length: 32 }, (_, b) => `hashint8(g.i::bigint * 64 + ${32 + b})`).join(", ");
    const plain = await timed(log, "résumés (bulk)", () => client.query(`
      INSERT INTO candidate_resumes (candidate_id, text, bands, updated_at)
      SELECT ${candidateId()}, 'Résumé of benchmark candidate ' || g.i || ': ' || ${pick(STREETS, 27)} || ' ' || ${pick(CITIES, 28)}, ARRAY[${bands}], ${createdAt}
      FROM generate_series(1, $1::int) AS g(i)
      WHERE NOT ${inCluster}`, [n]));

    // Fraud-cluster résumés: real near-duplicate texts and the application's own MinHash bands.
    let clusterRows = 0;
    await timed(log, "résumés (clusters, MinHash in JS)", async () => {
      const batch: { ids: string[]; texts: string[]; bands: string[] } = { ids: [], texts: [], bands: [] };
      const flush = async () => {
        if (batch.ids.length === 0) return;
        await client.query(`
          INSERT INTO candidate_resumes (candidate_id, text, bands, updated_at)
          SELECT md5('c' || t.i)::uuid, t.text, t.bands::int4[], now()
          FROM unnest($1::int[], $2::text[], $3::text[]) AS t(i, text, bands)`, [batch.ids, batch.texts, batch.bands]);
        clusterRows += batch.ids.length;
        batch.ids = [];
        batch.texts = [];
        batch.bands = [];
      };
      let template: string[] = [];
      let templateCluster = -1;
      for (let i = 7; i <= n; i += 100) {
        const c = Math.floor(i / 1000);
        if (c !== templateCluster) {
          template = clusterTemplate(c);
          templateCluster = c;
        }
        const text = memberResume(template, c, i);
        batch.ids.push(String(i));
        batch.texts.push(text);
        batch.bands.push(`{${bandsFor(text).join(",")}}`);
        if (batch.ids.length >= 5000) await flush();
      }
      await flush();
    });

    await timed(log, `candidates (${n.toLocaleString("en-US")})`, () => client.query(`
      INSERT INTO candidates (id, external_id, full_name, email, claimed_country, created_by_id, updated_by_id, created_at, updated_at)
      SELECT s.id, 'bench-' || s.i, s.full_name, s.email, 'US', $1, $1, s.ts, s.ts
      FROM (${perCandidate("$2")}) AS s
      ORDER BY s.id`, [userId, n]));

    // One pass over the candidates; each yields its identifier rows through a VALUES list (NULL = not present).
    const identifiers = await timed(log, "identifiers", () => client.query(`
      INSERT INTO candidate_identifiers (candidate_id, kind, value, last4, created_at)
      SELECT s.id, v.kind::"IdentifierKind", v.value, v.last4, s.ts
      FROM (${perCandidate("$1")}) AS s
      CROSS JOIN LATERAL (VALUES
        ('EMAIL', s.email, NULL::text), ('PHONE', s.phone, NULL), ('ADDRESS', s.address, NULL), ('SHIP_TO', s.ship_to, NULL),
        ('DEVICE', s.device, NULL), ('IP', s.ip, NULL), ('EMPLOYER', s.employer1, NULL), ('EMPLOYER', s.employer2, NULL),
        ('BANK', s.bank, s.bank4), ('GOV_ID', s.gov_id, s.gov4)
      ) AS v(kind, value, last4)
      WHERE v.value IS NOT NULL`, [n]));

    // Sorted builds after the load. The GIN index goes last and alone (all of maintenance_work_mem): with ≈ 32
    // distinct keys per résumé, each inserted into the entry tree one at a time (PostgreSQL 15 cannot build GIN in
    // parallel), it is the longest step of the seed. Building it on a second connection during the other inserts
    // was tried: on 2 shared cores it made the whole seed slower.
    const isGin = (ix: IndexDef) => /USING gin/i.test(ix.def);
    const rebuild = async (list: IndexDef[]) => {
      for (const ix of list) await client.query(ix.constraint ? `ALTER TABLE "${ix.table}" ADD CONSTRAINT "${ix.name}" ${ix.def}` : ix.def);
    };
    await timed(log, `B-tree indexes and primary keys rebuilt (${indexes.filter((ix) => !isGin(ix)).length})`, () => rebuild(indexes.filter((ix) => !isGin(ix))));
    await timed(log, "GIN index on résumé bands rebuilt", () => rebuild(indexes.filter(isGin)));
    await timed(log, "VACUUM ANALYZE", () => client.query("VACUUM (ANALYZE) candidates, candidate_identifiers, candidate_resumes"));

    return {
      candidates: n,
      identifiers: identifiers.rowCount ?? 0,
      resumes: (plain.rowCount ?? 0) + clusterRows,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await client.end();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(flag("n") ?? 1_000_000);
  const serverUrl = flag("url") ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const { ensureLinkageBenchDatabase } = await import("./linkage-database");
  const result = await ensureLinkageBenchDatabase({ serverUrl, n, force: args.includes("--force") });
  console.log(result.reused ? `Reused ${result.name} (already seeded with N = ${n.toLocaleString("en-US")}).` : `Seeded ${result.name}.`, result);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
